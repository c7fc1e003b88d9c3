#!/usr/bin/env bash
# End-to-end through the orchestrator on this machine's libvirtd, with real VMs booting the image:
# start the orchestrator jar, register qemu:///system, onboard a VNFD, instantiate (the VM boots,
# its agent says hello over virtio-serial, the op reaches COMPLETED), virsh destroy the VM and see it
# healed (it boots and says hello again), terminate, and check that no domain and no allocation is
# left; then kill -9 the orchestrator mid-instantiation, twice: retry completes it, rollback undoes it.
# Cleans up on any exit.
#
#   vnf-images/e2e/run.sh        (needs: ./mvnw -pl orchestrator,vnf-images -am package; libvirtd running)
# Skips (exit 0, says why) when libvirtd or the built artifacts are missing.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
instance=""
instance_prefix=""
domains=()

on_exit() {
  if [[ -n "$instance" && -n "$orchestrator_pid" ]] && kill -0 "$orchestrator_pid" 2>/dev/null; then
    curl -s -u "admin:$password" -X POST -H 'Content-Type: application/json' -d '{"terminationType":"FORCEFUL"}' \
      "$api/vnflcm/v1/vnf_instances/$instance/terminate" >/dev/null
    sleep 5
  fi
  # Domains of this run's instance, also those of an operation that failed before the API named them.
  if [[ -n "$instance_prefix" ]]; then
    for d in $(virsh -c qemu:///system list --all --name | grep "^vnf-$instance_prefix-"); do domains+=("$d"); done
  fi
  for d in "${domains[@]}"; do
    virsh -c qemu:///system destroy "$d" >/dev/null 2>&1
    virsh -c qemu:///system undefine "$d" >/dev/null 2>&1
  done
}

e2e_begin
say "orchestrator on port $port, VMs under ${virt_type}, image $image"
start_orchestrator
say "orchestrator up"

cpus=$(nproc)
isolated="$(( cpus - 1 ))"   # the last CPU for the PMD vCPU, the rest housekeeping
register_local_host e2e-local "$isolated"
kvm="$(call GET "/vim/v1/hosts/$host_id" | json 'str(d["kvm"]).lower()')"
say "host registered: $host_id (libvirt offers KVM: $kvm)"

vnfd_id="$(onboard_vnfd "$here/l2fwd-vm.yaml" "$(new_uuid)")"
say "VNFD onboarded: $vnfd_id"

instance="$(call POST /vnflcm/v1/vnf_instances "{\"vnfdId\":\"$vnfd_id\",\"vnfInstanceName\":\"e2e-l2fwd\"}" | json 'd["id"]')"
instance_prefix="${instance:0:8}"
t0=$(date +%s)
op="$(await_op "$(op_of POST "/vnflcm/v1/vnf_instances/$instance/instantiate" '{"flavourId":"default"}')")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || { echo "e2e: instantiate: $op" >&2; exit 1; }
domain="$(call GET "/vnflcm/v1/vnf_instances/$instance" | json 'd["instantiatedVnfInfo"]["vnfcResourceInfo"][0]["computeResource"]["resourceId"]')"
domains+=("$domain")
say "instantiated in $(( $(date +%s) - t0 )) s: domain $domain running, its agent said hello"
[[ "$(virsh -c qemu:///system domstate "$domain")" == running* ]] || { echo "e2e: $domain is not running" >&2; exit 1; }

# Kill the VM behind the orchestrator's back, then heal it through the API.
virsh -c qemu:///system destroy "$domain" >/dev/null
say "virsh destroy $domain"
t0=$(date +%s)
# The VNFM may already be healing it on libvirt's stopped event (then the API answers 409): follow that operation.
if ! heal_op="$(op_of POST "/vnflcm/v1/vnf_instances/$instance/heal" '{"cause":"e2e: VM destroyed"}' 2>/dev/null)"; then
  heal_op="$(call GET /vnflcm/v1/vnf_lcm_op_occs | json '"/vnflcm/v1/vnf_lcm_op_occs/" + sorted([o for o in (d if isinstance(d, list) else d.get("items", [])) if o["vnfInstanceId"] == "'"$instance"'" and o["operation"] == "HEAL"], key=lambda o: o["startTime"])[-1]["id"]')"
  say "the VNFM is already healing it: $heal_op"
fi
op="$(await_op "$heal_op")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || { echo "e2e: heal: $op" >&2; exit 1; }
healed="$(call GET "/vnflcm/v1/vnf_instances/$instance" | json 'd["instantiatedVnfInfo"]["vnfcResourceInfo"][0]["computeResource"]["resourceId"]')"
domains+=("$healed")
[[ "$(virsh -c qemu:///system domstate "$healed")" == running* ]] || { echo "e2e: $healed is not running" >&2; exit 1; }
say "healed in $(( $(date +%s) - t0 )) s: $healed running and its agent said hello again"

op="$(await_op "$(op_of POST "/vnflcm/v1/vnf_instances/$instance/terminate" '{"terminationType":"GRACEFUL","gracefulTerminationTimeout":20}')")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || { echo "e2e: terminate: $op" >&2; exit 1; }
for d in "${domains[@]}"; do
  if virsh -c qemu:///system dominfo "$d" >/dev/null 2>&1; then echo "e2e: domain $d is left after terminate" >&2; exit 1; fi
done
held="$(held_resources "$host_id")"
[[ "$held" == "[]" ]] || { echo "e2e: allocations left after terminate: $held" >&2; exit 1; }
say "terminated: no domain and no CPU or hugepage allocation left"
instance=""

# Crash safety: kill -9 the orchestrator (and its embedded PostgreSQL, as a crashed host would lose
# both) while an instantiation waits for the VM's agent. After a restart the operation must be
# FAILED_TEMP, not stuck in PROCESSING; retry must complete it and, after a second crash, rollback
# must undo it, leaving no domain and no allocation.
crash_during_instantiate() {  # sets crashed: the op path of the interrupted instantiation
  local op_path deadline detail=""
  op_path="$(op_of POST "/vnflcm/v1/vnf_instances/$instance/instantiate" '{"flavourId":"default"}')"
  deadline=$(( $(date +%s) + boot_budget ))
  until [[ "$detail" == *"waiting for the agent"* ]]; do
    (( $(date +%s) < deadline )) || { echo "e2e: instantiation never reached the agent wait" >&2; return 1; }
    sleep 0.5
    detail="$(call GET "$op_path" | json 'd["progress"]["detail"]')"
  done
  kill -9 "$orchestrator_pid"
  wait "$orchestrator_pid" 2>/dev/null || true
  pkill -9 -f "$work/data/postgres" || true
  orchestrator_pid=""
  say "killed -9 while '$detail'"
  start_orchestrator --mano.vnflcm.stale-after=5s
  crashed="$op_path"
}

await_state() {  # await_state OP_PATH STATE
  local deadline=$(( $(date +%s) + 120 )) state
  while true; do
    state="$(call GET "$1" | json 'd["operationState"]')"
    [[ "$state" == "$2" ]] && return 0
    (( $(date +%s) < deadline )) || { echo "e2e: $1 is $state, expected $2" >&2; return 1; }
    sleep 1
  done
}

instance="$(call POST /vnflcm/v1/vnf_instances "{\"vnfdId\":\"$vnfd_id\",\"vnfInstanceName\":\"e2e-crash\"}" | json 'd["id"]')"
instance_prefix="${instance:0:8}"
crash_during_instantiate
await_state "$crashed" FAILED_TEMP
say "after the restart the interrupted instantiation is FAILED_TEMP: $(call GET "$crashed" | json 'd["error"]["type"]')"
call POST "$crashed/retry" '{}' >/dev/null
op="$(await_op "$crashed")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || { echo "e2e: retry: $op" >&2; exit 1; }
say "retry completed it: the VM booted again and its agent said hello"
op="$(await_op "$(op_of POST "/vnflcm/v1/vnf_instances/$instance/terminate" '{"terminationType":"FORCEFUL"}')")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || { echo "e2e: terminate: $op" >&2; exit 1; }

crash_during_instantiate
await_state "$crashed" FAILED_TEMP
call POST "$crashed/rollback" '{}' >/dev/null
await_state "$crashed" ROLLED_BACK
left="$(virsh -c qemu:///system list --all --name | grep "^vnf-$instance_prefix-" || true)"
[[ -z "$left" ]] || { echo "e2e: domains left after rollback: $left" >&2; exit 1; }
held="$(held_resources "$host_id")"
[[ "$held" == "[]" ]] || { echo "e2e: allocations left after rollback: $held" >&2; exit 1; }
call DELETE "/vnflcm/v1/vnf_instances/$instance" >/dev/null
say "rollback after a crash left no domain and no allocation"
instance=""
say "PASSED in $(( $(date +%s) - started )) s"
