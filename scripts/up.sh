#!/usr/bin/env bash
# ./mano up: install what is missing, build, start libvirt and the orchestrator on the embedded
# PostgreSQL. Ctrl-C stops everything this started; data stays in $MANO_DATA_DIR (default var/).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/host-services.sh"
cd "$ROOT"

"$ROOT/scripts/install-deps.sh" up
say "building (./mvnw package)"
./mvnw -B -q package -DskipTests

export MANO_DATA_DIR=${MANO_DATA_DIR:-$ROOT/var}
mkdir -p "$MANO_DATA_DIR"
mount_hugetlbfs
start_libvirt

orchestrator=""
shutdown() {
  trap - INT TERM EXIT
  if [ -n "$orchestrator" ] && kill -0 "$orchestrator" 2>/dev/null; then
    say "stopping the orchestrator"
    kill -TERM "$orchestrator" 2>/dev/null || true
    wait "$orchestrator" 2>/dev/null || true
  fi
  stop_host_services
}
trap shutdown INT TERM EXIT

# VMs boot the image built by vnf-images; on a host that is itself a VM, KVM is nested and does not boot it.
image=(--mano.vnflcm.image-kernel="$ROOT/vnf-images/target/image/vmlinuz" --mano.vnflcm.image-initrd="$ROOT/vnf-images/target/image/initrd.img")
grep -qw hypervisor /proc/cpuinfo && image+=(--mano.vnflcm.virt-type=tcg)

say "starting the orchestrator on http://localhost:${SERVER_PORT:-8080} (data in $MANO_DATA_DIR; Ctrl-C stops)"
java --enable-native-access=ALL-UNNAMED -jar orchestrator/target/orchestrator.jar \
  --mano.data-dir="$MANO_DATA_DIR" "${image[@]}" "$@" &
orchestrator=$!
wait "$orchestrator"
