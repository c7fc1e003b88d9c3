#!/usr/bin/env bash
# ./mano test: every test of every module. Starts what the tests need (libvirtd, hugepages),
# runs the Maven reactor (Java + UI unit tests), the Ansible tests, the browser tests and the
# end-to-end tests with real VMs (one VNF's lifecycle and crash safety; a firewall -> router chain with traffic),
# cleans up, and exits non-zero when any stage failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/host-services.sh"
cd "$ROOT"

"$ROOT/scripts/install-deps.sh" test || die "installing dependencies failed"
trap stop_host_services EXIT
# Mount hugetlbfs before libvirtd starts: libvirt finds hugepage mounts only at start-up.
# 1024 x 2 MB: the chain end-to-end test runs two 512 MiB hugepage-backed VMs at once.
reserve_hugepages "${MANO_TEST_HUGEPAGES:-1024}"
start_libvirt

declare -A result
stage() {
  local name=$1; shift
  say "test stage: $name"
  local start=$SECONDS
  if "$@"; then result[$name]="passed"; else result[$name]="FAILED"; fi
  result[$name]+=" ($((SECONDS - start)) s)"
}

stage maven ./mvnw -B --fail-at-end verify
for suite in ansible/tests/run.sh web-ui/e2e/run.sh vnf-images/e2e/run.sh vnf-images/e2e/chain.sh vnf-images/e2e/scale.sh; do
  [ -f "$suite" ] && stage "$suite" bash "$suite"
done

say "summary"
failed=0
for name in "${!result[@]}"; do
  printf '  %-24s %s\n' "$name" "${result[$name]}" >&2
  [[ ${result[$name]} == FAILED* ]] && failed=1
done
exit $failed
