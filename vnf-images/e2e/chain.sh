#!/usr/bin/env bash
# The whole platform end to end, packets included: the orchestrator jar on this machine's libvirtd
# (qemu:///system, TCG where KVM is nested), a firewall -> router network service onboarded through
# the REST API and instantiated and terminated with the CLI (./mano ns ...), two VMs booting the image with their day-1 config, the chain's
# access points and link as bridges, and UDP from a network namespace on one side to a namespace on
# the other:
#   1. allowed flows (UDP 5001) arrive routed: TTL decremented, source MAC the router's egress port,
#      destination MAC the configured next hop; denied flows (UDP 6001) do not arrive;
#   2. the agents' counters agree with what was sent (firewall: denied = filtered drops; router:
#      transmitted = allowed, received at least that);
#   3. virsh destroy the router VM: the VNFM heals it on its own and traffic flows again; then
#      `mano ns heal --wait` restarts both VMs and traffic flows again;
#   4. terminate: no domain, no network, no CPU or hugepage allocation, no guest memory in hugetlbfs.
# Cleans up on any exit (namespaces, domains, networks, the orchestrator).
#
#   vnf-images/e2e/chain.sh      (needs: ./mvnw -pl orchestrator,vnf-images,cli -am package; libvirtd running;
#                                 1 GiB of free 2 MB hugepages; root for namespaces)
# Skips (exit 0, says why) when something it needs is missing.
set -euo pipefail
shopt -s inherit_errexit
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
on_exit() { ns_cleanup; }

ns_e2e_begin

isolated="$(two_pmd_cpus)"   # one PMD CPU per VM
register_local_host e2e-chain "$isolated"
say "host registered: $host_id, isolated CPUs $isolated"

fw_vnfd="$(onboard_vnfd "$here/firewall-vm.yaml" "$(new_uuid)")"
rt_vnfd="$(onboard_vnfd "$here/router-vm.yaml" "$(new_uuid)")"
nsd_id="fw-router-$tag"
onboard_nsd "$here/fw-router-nsd.yaml" "$nsd_id" "s/FIREWALL_VNFD/$fw_vnfd/; s/ROUTER_VNFD/$rt_vnfd/"
say "onboarded: firewall $fw_vnfd, router $rt_vnfd, NSD $nsd_id"

# Day-1 config per member: the firewall admits UDP to port 5001 only; the router sends 10.2.0.0/24 to
# the right namespace's MAC through its port 1. Instantiated with the CLI, as a person would.
cat > "$work/params.json" <<'JSON'
{"additionalParamsForVnf": [
  {"vnfProfileId": "firewall", "additionalParams": {"config": {"default": "deny", "max-connections": 4096,
    "rules": [{"id": "allowed", "action": "allow", "protocol": "udp", "destination": "10.2.0.0/24", "destination-ports": "5001"}]}}},
  {"vnfProfileId": "router", "additionalParams": {"config": {
    "neighbours": [{"name": "right", "port": "net_af_packet1", "mac": "02:00:00:00:02:02"}],
    "routes": [{"destination": "10.2.0.0/24", "via": "right"}]}}}]}
JSON
t0=$(date +%s)
ns_instantiate "$nsd_id" e2e-chain "$work/params.json"
ns="$(call GET "/nslcm/v1/ns_instances/$ns_id")"
fw_vnf="$(json 'd["vnfInstance"][0]["vnfInstanceId"]' <<<"$ns")"
rt_vnf="$(json 'd["vnfInstance"][1]["vnfInstanceId"]' <<<"$ns")"
rt_domain="$(json 'd["vnfInstance"][1]["vnfcs"][0]["domain"]' <<<"$ns")"
bridge_in="$(json 'd["sapInfo"][0]["details"]["bridge"]' <<<"$ns")"
bridge_out="$(json 'd["sapInfo"][1]["details"]["bridge"]' <<<"$ns")"
say "NS instantiated in $(( $(date +%s) - t0 )) s: both VMs booted and their agents said hello;" \
    "links: $(json '", ".join(l["name"] + "=" + l["pathKind"] + "(" + l["details"]["bridge"] + ")" for l in d["sapInfo"][:1] + d["chainLinks"] + d["sapInfo"][1:])' <<<"$ns")"

# Pinned and hugepage-backed as placed: libvirt's view of the running router VM.
rt_xml="$(virsh -c qemu:///system dumpxml "$rt_domain")"
grep -q "<hugepages>" <<<"$rt_xml" || fail "$rt_domain is not hugepage-backed"
grep -q "<vcpupin " <<<"$rt_xml" || fail "$rt_domain has no pinned vCPU"
[[ -n "$(guest_memory "${rt_domain:0:20}")" ]] || fail "no hugetlbfs memory of $rt_domain under libvirt/qemu: $(ls -R /dev/hugepages | head)"
rt_out_mac="$(virsh -c qemu:///system domiflist "$rt_domain" | awk -v n="mano-$ns_prefix-out" '$3 == n {print $5}')"
[[ -n "$rt_out_mac" ]] || fail "$rt_domain has no interface on the egress network: $(virsh -c qemu:///system domiflist "$rt_domain")"

# The two sides: the left namespace sends to the firewall as its gateway (that MAC is made up: the bridge
# floods it to the firewall, which passes frames as they are); the right one is the router's configured next hop.
plug_sides "$bridge_in" "$bridge_out" 02:00:00:00:01:01

round() {  # round NAME: 50 allowed and 50 denied datagrams, interleaved; checks what arrived
  local name="$1" n=50 result
  send_round "$name" "$n"
  result="$(python3 - "$work/$name.json" "$rt_out_mac" "$n" <<'PY'
import json, sys
frames = json.load(open(sys.argv[1]))["frames"]
router_mac, n = sys.argv[2].lower(), int(sys.argv[3])
allowed = [f for f in frames if f["port"] == 5001]
denied = [f for f in frames if f["port"] == 6001]
problems = []
if sorted({f["seq"] for f in allowed}) != list(range(n)):
    problems.append(f"{len({f['seq'] for f in allowed})} of {n} allowed datagrams arrived")
if denied:
    problems.append(f"{len(denied)} denied datagrams arrived")
if any(f["ttl"] != 63 for f in allowed):
    problems.append(f"TTLs {sorted({f['ttl'] for f in allowed})}, expected 63 (sent with 64, one router hop)")
if any(f["src_mac"] != router_mac for f in allowed):
    problems.append(f"source MACs {sorted({f['src_mac'] for f in allowed})}, expected the router's egress port {router_mac}")
if any(f["dst_mac"] != "02:00:00:00:02:02" for f in allowed):
    problems.append(f"destination MACs {sorted({f['dst_mac'] for f in allowed})}, expected the next hop 02:00:00:00:02:02")
print("; ".join(problems) if problems else f"{len(allowed)}/{n} allowed arrived with TTL 63, MACs rewritten; 0/{n} denied")
sys.exit(1 if problems else 0)
PY
)" || fail "round $name: $result"
  say "round $name: $result"
}

await_path
say "the chain forwards"
if [[ "${MANO_E2E_PAUSE:-}" == 1 ]]; then
  say "the chain is up: web UI $api (admin / $password), NS $ns_id;"
  say "  try: ip netns exec $left python3 $probe send --dst 10.2.0.2 --port 5001 --count 1000 --tag demo"
  read -r -p "press Enter to go on (heal, terminate, clean up) " _
fi
filtered0="$(settled "$fw_vnf" drops.filtered)"
rt_rx0="$(settled "$rt_vnf" port.net_af_packet0.rx_packets)"
rt_tx0="$(settled "$rt_vnf" port.net_af_packet1.tx_packets)"
round first
filtered1="$(settled "$fw_vnf" drops.filtered)"
rt_rx1="$(settled "$rt_vnf" port.net_af_packet0.rx_packets)"
rt_tx1="$(settled "$rt_vnf" port.net_af_packet1.tx_packets)"
(( filtered1 - filtered0 == 50 )) || fail "the firewall's agent counted $(( filtered1 - filtered0 )) filtered packets, 50 were denied"
# The router's port 0 also sees whatever else crosses the link (the firewall passes non-IP frames such as
# a bridge's own chatter), so what it received is at least what was allowed; what it sent is exactly that.
(( rt_rx1 - rt_rx0 >= 50 )) || fail "the router's agent counted $(( rt_rx1 - rt_rx0 )) received packets, 50 were allowed"
(( rt_tx1 - rt_tx0 == 50 )) || fail "the router's agent counted $(( rt_tx1 - rt_tx0 )) transmitted packets, 50 were allowed"
say "agents agree: firewall filtered 50, router sent 50 (received $(( rt_rx1 - rt_rx0 )))"

# Kill the router VM behind the orchestrator's back: the VNFM sees it stop and heals it by itself.
virsh -c qemu:///system destroy "$rt_domain" >/dev/null
say "virsh destroy $rt_domain"
t0=$(date +%s)
heal_op=""
for _ in $(seq 60); do
  heal_op="$(call GET /vnflcm/v1/vnf_lcm_op_occs | json '"\n".join(o["id"] for o in sorted((d if isinstance(d, list) else d.get("items", [])), key=lambda o: o["startTime"]) if o["vnfInstanceId"] == "'"$rt_vnf"'" and o["operation"] == "HEAL")' | tail -1)"
  [[ -n "$heal_op" ]] && break
  sleep 1
done
[[ -n "$heal_op" ]] || fail "the VNFM did not start healing $rt_domain"
op="$(await_op "/vnflcm/v1/vnf_lcm_op_occs/$heal_op")"
[[ "$(json 'd["operationState"]' <<<"$op")" == COMPLETED ]] || fail "heal: $op"
say "healed automatically in $(( $(date +%s) - t0 )) s"
await_path
round after-heal

# Heal the whole NS through the CLI: every member VM restarts on the resources it holds.
t0=$(date +%s)
mano_cli ns heal "$ns_id" --wait > "$work/cli.out" 2> "$work/cli.err" || fail "mano ns heal --wait failed: $(tail -5 "$work/cli.err")"
say "mano ns heal --wait: $(tail -1 "$work/cli.out") in $(( $(date +%s) - t0 )) s"
await_path
round after-ns-heal

ns_terminate_checked
say "PASSED in $(( $(date +%s) - started )) s"
