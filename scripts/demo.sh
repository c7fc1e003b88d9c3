#!/usr/bin/env bash
# ./mano demo: the demo chain on this machine, start to finish. Installs and builds what is missing,
# reserves hugepages, starts libvirtd, then runs vnf-images/e2e/chain.sh: a firewall -> router
# network service in two VMs, UDP from one network namespace through the chain to another, a VM
# killed and healed, everything terminated. On a terminal it pauses while the chain forwards, so you
# can look at it in the web UI (the address and password are printed). Undoes what it changed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/host-services.sh"
cd "$ROOT"

"$ROOT/scripts/install-deps.sh" test
require_java25
say "building the orchestrator, the CLI and the VNF image (cached when nothing changed)"
./mvnw -B -q -pl orchestrator,cli,vnf-images -am package -DskipTests
trap stop_host_services EXIT
reserve_hugepages 1024
start_libvirt
[ -t 0 ] && export MANO_E2E_PAUSE=1
bash vnf-images/e2e/chain.sh
