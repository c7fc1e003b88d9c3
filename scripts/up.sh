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

# VMs boot the image built by vnf-images. QEMU runs as its own user and cannot read a checkout under a
# private home or temp directory, so the image is installed where libvirt's QEMU can read it.
images=/var/lib/mano/images
as_root install -d -m 755 /var/lib/mano "$images"
for f in vmlinuz initrd.img; do
  cmp -s "vnf-images/target/image/$f" "$images/$f" || as_root install -m 644 "vnf-images/target/image/$f" "$images/$f"
done
image=(--mano.vnflcm.image-kernel="$images/vmlinuz" --mano.vnflcm.image-initrd="$images/initrd.img")
# On a host that is itself a VM, KVM is nested and does not boot the image.
grep -qw hypervisor /proc/cpuinfo && image+=(--mano.vnflcm.virt-type=tcg)
# Locked guest memory needs libvirtd to raise QEMU's RLIMIT_MEMLOCK, i.e. CAP_SYS_RESOURCE (bit 24), which a
# libvirtd in a container lacks: every VM start would fail with "cannot limit locked memory".
libvirtd_pid=$(pgrep -o -x libvirtd || true)
if [ -n "$libvirtd_pid" ]; then
  caps=$(awk '/^CapEff/ {print $2}' "/proc/$libvirtd_pid/status")
  if (( ((16#$caps) >> 24 & 1) == 0 )); then
    say "libvirtd lacks CAP_SYS_RESOURCE: guest memory will not be locked"
    image+=(--mano.vnflcm.lock-guest-memory=false)
  fi
fi

say "starting the orchestrator on http://localhost:${SERVER_PORT:-8080} (data in $MANO_DATA_DIR; Ctrl-C stops)"
java --enable-native-access=ALL-UNNAMED -jar orchestrator/target/orchestrator.jar \
  --mano.data-dir="$MANO_DATA_DIR" "${image[@]}" "$@" &
orchestrator=$!
wait "$orchestrator"
