#!/usr/bin/env bash
# Scaling a network service on a real host: the orchestrator jar on this machine's libvirtd
# (qemu:///system, TCG where KVM is nested), a one-member NS (a firewall whose VNFD has the scaling
# aspect 'filtering', one step, at most 2 VNFCs) onboarded through the REST API and driven with the CLI:
#   1. mano ns instantiate --wait: one VM, its agent said hello;
#   2. mano ns scale --vnf firewall --aspect filtering --wait: a second VM; both running, each pinned to
#      its own isolated CPU and backed by hugepages (libvirt's XML and the ledger agree), both agents
#      reporting, the VNF at scale level 1 with 2 VNFCs; UDP from a namespace on the ingress bridge crosses
#      the two firewalls, which sit between the same two bridges, to a namespace on the egress bridge:
#      allowed arrives (once or twice per datagram: both copies forward it while the egress MAC is unknown),
#      denied does not, and no frame goes round (each VM's port-0 tap is an isolated bridge port, so the
#      copies cannot reach each other over the ingress bridge): the taps are quiet a second after the round;
#   3. mano ns scale ... --in --wait: back to the first VM; the added domain, its guest memory and its
#      CPU and hugepage allocations are gone; UDP crosses the remaining firewall (allowed arrives exactly
#      once, denied does not, and the firewall's agent counted the denied ones);
#   4. mano ns terminate --wait: no domain, no network, no allocation, no guest memory in hugetlbfs.
# Prints how long each step took. Cleans up on any exit (namespaces, domains, networks, the orchestrator).
#
#   vnf-images/e2e/scale.sh      (needs: ./mvnw -pl orchestrator,vnf-images,cli -am package; libvirtd running;
#                                 512 free 2 MB hugepages; root for namespaces)
# Skips (exit 0, says why) when something it needs is missing.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

on_exit() { ns_cleanup; }

ns_e2e_begin

isolated="$(two_pmd_cpus)"   # one PMD CPU per VNFC, two VNFCs at most
register_local_host e2e-scale "$isolated"
say "host registered: $host_id, isolated CPUs $isolated"

fw_vnfd="$(onboard_vnfd "$here/firewall-scalable-vm.yaml" "$(new_uuid)")"
nsd_id="fw-scale-$tag"
onboard_nsd "$here/firewall-nsd.yaml" "$nsd_id" "s/FIREWALL_VNFD/$fw_vnfd/"
say "onboarded: firewall $fw_vnfd, NSD $nsd_id (a chain of one)"

vnfcs() {  # vnfcs -> "VNFC_ID DOMAIN" per line, the firewall's VNFCs as the NS instance shows them
  call GET "/nslcm/v1/ns_instances/$ns_id" | json '"\n".join(c["id"] + " " + c["domain"] for c in d["vnfInstance"][0]["vnfcs"])'
}
scale_level() { call GET "/vnflcm/v1/vnf_instances/$fw_vnf" | json 'next(s["scaleLevel"] for s in d["instantiatedVnfInfo"]["scaleStatus"] if s["aspectId"] == "filtering")'; }
vnfc_records() { call GET "/vnflcm/v1/vnf_instances/$fw_vnf" | json 'len(d["instantiatedVnfInfo"]["vnfcResourceInfo"])'; }
check_round() {  # check_round NAME N MAX_COPIES: every allowed datagram of round NAME arrived 1 to MAX_COPIES times
                 # with its TTL untouched, no denied one arrived; prints what arrived
  python3 - "$work/$1.json" "$2" "$3" <<'PY'
import collections, json, sys
frames = json.load(open(sys.argv[1]))["frames"]
n, most = int(sys.argv[2]), int(sys.argv[3])
allowed = [f for f in frames if f["port"] == 5001]
denied = [f for f in frames if f["port"] == 6001]
copies = collections.Counter(f["seq"] for f in allowed)
problems = []
if sorted(copies) != list(range(n)):
    problems.append(f"{len(copies)} of {n} allowed datagrams arrived")
if any(c > most for c in copies.values()):
    problems.append(f"an allowed datagram arrived {max(copies.values())} times, at most {most} expected")
if denied:
    problems.append(f"{len(denied)} denied datagrams arrived")
if any(f["ttl"] != 64 for f in allowed):
    problems.append(f"TTLs {sorted({f['ttl'] for f in allowed})}, expected 64 (a firewall does not route)")
spread = ", ".join(f"{k}x: {v}" for k, v in sorted(collections.Counter(copies.values()).items()))
print("; ".join(problems) if problems else f"{len(allowed)} frames for {n}/{n} allowed datagrams ({spread}), 0/{n} denied")
sys.exit(1 if problems else 0)
PY
}
ledger() {  # ledger VNFC_ID -> "PAGES CPUS": the 2 MB pages and the isolated CPUs (comma-separated) the ledger gives it
  call GET "/vim/v1/hosts/$host_id" | json 'str(sum(h["pages"] for cell in d["cells"] for p in cell["hugepages"] for h in p["holders"] if h["vnfcId"] == "'"$1"'")) + " " + ",".join(str(c["id"]) for cell in d["cells"] for c in cell["cpus"] if c["heldBy"] == "'"$1"'" and c["isolated"])'
}
last_op() {  # last_op PATH ID_FIELD ID TYPE_FIELD OPERATION -> the state of the newest op occurrence of that kind
  call GET "$1" | json 'sorted([o for o in (d if isinstance(d, list) else d.get("items", [])) if o["'"$2"'"] == "'"$3"'" and o["'"$4"'"] == "'"$5"'"], key=lambda o: o["startTime"])[-1]["operationState"]'
}
ops_completed() {  # ops_completed: the newest NS SCALE and its VNF SCALE op occurrences are both COMPLETED
  local ns_state vnf_state
  ns_state="$(last_op /nslcm/v1/ns_lcm_op_occs nsInstanceId "$ns_id" lcmOperationType SCALE)"
  vnf_state="$(last_op /vnflcm/v1/vnf_lcm_op_occs vnfInstanceId "$fw_vnf" operation SCALE)"
  [[ "$ns_state" == COMPLETED && "$vnf_state" == COMPLETED ]] || fail "scale op occurrences: NS $ns_state, VNF $vnf_state"
}
reporting() {  # reporting N: N VNFCs report to the VNFM (the agent of each said hello and sends heartbeats); a
               # heartbeat is due every second, so a VNFC whose hello the operation awaited reports within seconds
  local got
  for _ in $(seq 10); do
    got="$(indicator "$fw_vnf" vnfc_count)"
    (( got == $1 )) && return 0
    sleep 1
  done
  fail "$got VNFC(s) report to the VNFM 10 s after the operation completed, expected $1"
}
check_placed() {  # check_placed VNFC_ID DOMAIN: running, hugepage-backed, its ledger CPU pinned in libvirt's XML
  local xml cpus pages pins
  [[ "$(virsh -c qemu:///system domstate "$2")" == running* ]] || fail "$2 is not running"
  xml="$(virsh -c qemu:///system dumpxml "$2")"
  grep -q "<hugepages>" <<<"$xml" || fail "$2 is not hugepage-backed"
  [[ -n "$(guest_memory "${2:0:20}")" ]] || fail "no hugetlbfs memory of $2 under libvirt/qemu"
  read -r pages cpus <<<"$(ledger "$1")"
  [[ -n "$cpus" && "$cpus" != *,* ]] || fail "the ledger gives $2 the isolated CPUs '$cpus', expected one"
  (( pages == 256 )) || fail "the ledger gives $2 $pages 2 MB pages, expected 256 (512 MiB)"
  pins="$(grep -o "<vcpupin [^>]*>" <<<"$xml" | sed -n "s/.*cpuset='\([^']*\)'.*/\1/p" | sort -u | tr '\n' ' ')"
  [[ " $pins " == *" $cpus "* ]] || fail "$2 holds CPU $cpus in the ledger, but libvirt pins its vCPUs to: $pins"
  echo "$cpus"
}

# Day-1 config: the firewall admits UDP to port 5001 only. Instantiated with the CLI, as a person would.
cat > "$work/params.json" <<'JSON'
{"additionalParamsForVnf": [
  {"vnfProfileId": "firewall", "additionalParams": {"config": {"default": "deny", "max-connections": 4096,
    "rules": [{"id": "allowed", "action": "allow", "protocol": "udp", "destination": "10.2.0.0/24", "destination-ports": "5001"}]}}}]}
JSON
t0=$(date +%s)
ns_instantiate "$nsd_id" e2e-scale "$work/params.json"
ns="$(call GET "/nslcm/v1/ns_instances/$ns_id")"
fw_vnf="$(json 'd["vnfInstance"][0]["vnfInstanceId"]' <<<"$ns")"
bridge_in="$(json 'd["sapInfo"][0]["details"]["bridge"]' <<<"$ns")"
bridge_out="$(json 'd["sapInfo"][1]["details"]["bridge"]' <<<"$ns")"
mapfile -t before < <(vnfcs)
(( ${#before[@]} == 1 )) || fail "instantiated with ${#before[@]} VNFCs, expected 1: ${before[*]}"
read -r first_vnfc first_domain <<<"${before[0]}"
first_cpu="$(check_placed "$first_vnfc" "$first_domain")"
reporting 1
t_instantiate=$(( $(date +%s) - t0 ))
say "NS instantiated in $t_instantiate s: $first_domain on CPU $first_cpu, its agent reporting"

t0=$(date +%s)
mano_cli ns scale "$ns_id" --vnf firewall --aspect filtering --wait > "$work/cli.out" 2> "$work/cli.err" \
  || fail "mano ns scale --wait failed: $(tail -5 "$work/cli.err") $(cat "$work/cli.out")"
t_out=$(( $(date +%s) - t0 ))
say "mano ns scale --wait: $(tail -1 "$work/cli.out")"
ops_completed
reporting 2
mapfile -t after_out < <(vnfcs)
(( ${#after_out[@]} == 2 )) || fail "after scaling out the NS shows ${#after_out[@]} VNFCs, expected 2: ${after_out[*]}"
(( $(vnfc_records) == 2 )) || fail "after scaling out the VNF instance shows $(vnfc_records) VNFCs, expected 2"
(( $(scale_level) == 1 )) || fail "after scaling out the aspect is at level $(scale_level), expected 1"
added_vnfc="" added_domain=""
for line in "${after_out[@]}"; do
  read -r id dom <<<"$line"
  [[ "$id" == "$first_vnfc" ]] || { added_vnfc="$id"; added_domain="$dom"; }
done
[[ -n "$added_vnfc" ]] || fail "no new VNFC after scaling out: ${after_out[*]}"
[[ "$(check_placed "$first_vnfc" "$first_domain")" == "$first_cpu" ]] || fail "$first_domain moved off CPU $first_cpu"
added_cpu="$(check_placed "$added_vnfc" "$added_domain")"
[[ "$added_cpu" != "$first_cpu" ]] || fail "both VNFCs hold CPU $first_cpu"
say "scaled out in $t_out s: $first_domain on CPU $first_cpu and $added_domain on CPU $added_cpu, both running on" \
    "hugepages, both agents reporting; ledger: $(held_resources "$host_id")"

# Traffic through both firewalls. No router in this chain: the firewall passes frames as they are, so the left side
# addresses its gateway hop to the right namespace's MAC. That MAC never sends, so both bridges flood every frame to
# both copies: without isolated port-0 taps a frame would go in -> fw1 -> out -> fw2 -> in -> fw1 ... for ever.
plug_sides "$bridge_in" "$bridge_out" 02:00:00:00:02:02
taps=()
for dom in "$first_domain" "$added_domain"; do
  mapfile -t dom_taps < <(domain_taps "$dom")
  (( ${#dom_taps[@]} == 2 )) || fail "$dom has the taps '${dom_taps[*]}', expected 2"
  [[ "$(< "/sys/class/net/${dom_taps[0]}/brport/isolated")" == 1 ]] || fail "$dom's port-0 tap ${dom_taps[0]} is not isolated"
  [[ "$(< "/sys/class/net/${dom_taps[1]}/brport/isolated")" == 0 ]] || fail "$dom's port-1 tap ${dom_taps[1]} is isolated"
  taps+=("${dom_taps[@]}")
done
await_path
filtered0="$(settled "$fw_vnf" drops.filtered)"
packets0="$(tap_packets "${taps[@]}")"
reflected0="$(netns_rx_packets "$left")"
send_round scaled-out 50 100
result="$(check_round scaled-out 50 2)" || fail "traffic through two firewalls: $result"
sleep 1
packets1="$(tap_packets "${taps[@]}")"
sleep 5
packets2="$(tap_packets "${taps[@]}")"
reflected="$(( $(netns_rx_packets "$left") - reflected0 ))"
# A loop keeps every looping frame going round as fast as the VMs forward it: thousands of frames a second.
# Measured here (TCG): every allowed datagram arrived twice, the taps carried 500 frames for the round (8 per
# allowed datagram, 2 per denied one) and 0 in the idle seconds, 100 frames (2 per allowed) came back to the left.
(( packets2 - packets1 <= 50 )) || fail "the firewalls' taps carried $(( packets2 - packets1 )) frames in 5 idle s after" \
  "the round (${taps[*]}): a loop"
filtered1="$(settled "$fw_vnf" drops.filtered)"
(( filtered1 - filtered0 >= 50 && filtered1 - filtered0 <= 100 )) \
  || fail "the firewalls' agents counted $(( filtered1 - filtered0 )) filtered packets, 50 were denied (each copy sees each at most once)"
say "traffic through both firewalls: $result; the agents counted $(( filtered1 - filtered0 )) filtered;" \
    "the 4 taps carried $(( packets1 - packets0 )) frames for the round and $(( packets2 - packets1 )) in the 5 idle s after it;" \
    "$reflected frames came back to the sender's side"

t0=$(date +%s)
mano_cli ns scale "$ns_id" --vnf firewall --aspect filtering --in --wait > "$work/cli.out" 2> "$work/cli.err" \
  || fail "mano ns scale --in --wait failed: $(tail -5 "$work/cli.err") $(cat "$work/cli.out")"
t_in=$(( $(date +%s) - t0 ))
say "mano ns scale --in --wait: $(tail -1 "$work/cli.out")"
ops_completed
mapfile -t after_in < <(vnfcs)
[[ "${after_in[*]}" == "$first_vnfc $first_domain" ]] || fail "after scaling in the NS shows: ${after_in[*]}, expected $first_domain"
(( $(vnfc_records) == 1 )) || fail "after scaling in the VNF instance shows $(vnfc_records) VNFCs, expected 1"
(( $(scale_level) == 0 )) || fail "after scaling in the aspect is at level $(scale_level), expected 0"
if virsh -c qemu:///system dominfo "$added_domain" >/dev/null 2>&1; then fail "$added_domain is left after scaling in"; fi
[[ -z "$(guest_memory "${added_domain:0:20}")" ]] || fail "hugepage memory of $added_domain left: $(guest_memory "${added_domain:0:20}")"
[[ "$(ledger "$added_vnfc")" == "0 " ]] || fail "the ledger still gives the removed $added_domain: $(ledger "$added_vnfc")"
[[ "$(check_placed "$first_vnfc" "$first_domain")" == "$first_cpu" ]] || fail "$first_domain moved off CPU $first_cpu"
reporting 1
say "scaled in in $t_in s: $added_domain, its guest memory and its CPU $added_cpu and pages are gone;" \
    "ledger: $(held_resources "$host_id")"

# Traffic through the remaining firewall, from the namespaces still plugged in: one path, so one copy each.
await_path
filtered0="$(settled "$fw_vnf" drops.filtered)"
send_round after-scale-in 50
result="$(check_round after-scale-in 50 1)" || fail "traffic after scaling in: $result"
filtered1="$(settled "$fw_vnf" drops.filtered)"
(( filtered1 - filtered0 == 50 )) || fail "the firewall's agent counted $(( filtered1 - filtered0 )) filtered packets, 50 were denied"
say "traffic through the remaining firewall: $result; its agent counted 50 filtered"

t0=$(date +%s)
ns_terminate_checked
t_terminate=$(( $(date +%s) - t0 ))
say "timings: instantiate ${t_instantiate}s, scale out ${t_out}s, scale in ${t_in}s, terminate ${t_terminate}s"
say "PASSED in $(( $(date +%s) - started )) s"
