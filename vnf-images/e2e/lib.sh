# Shared by the end-to-end scripts: preconditions, the orchestrator jar on a free port with its own data
# directory, and small REST helpers. Source it after `set -euo pipefail`; define `on_exit` for your own
# cleanup (called first by the EXIT trap, with $rc set), then call `e2e_begin`.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/vnf-images/e2e"
java="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="${MANO_E2E_JAR:-$root/orchestrator/target/orchestrator.jar}"
image="${MANO_E2E_IMAGE:-$root/vnf-images/target/image}"
probe="$here/udp_probe.py"
cli_jar="${MANO_E2E_CLI:-$root/cli/target/mano-cli.jar}"
boot_budget="${MANO_E2E_BOOT_BUDGET:-300}"   # seconds for one VM to boot and say hello (TCG on a busy machine)
started=$(date +%s)
say() { echo "e2e[$(( $(date +%s) - started ))s]: $*"; }
skip() { echo "e2e: SKIP: $*"; exit 0; }
fail() { echo "e2e: $*" >&2; exit 1; }
orchestrator_pid=""

e2e_begin() {
  [[ -f "$jar" ]] || skip "no orchestrator jar at $jar (./mvnw -pl orchestrator -am package)"
  [[ -f "$image/vmlinuz" && -f "$image/initrd.img" ]] || skip "no image in $image (./mvnw -pl vnf-images -am package)"
  virsh -c qemu:///system version >/dev/null 2>&1 || skip "libvirtd is not reachable at qemu:///system (virtlogd -d; libvirtd -d)"
  work="$(mktemp -d /tmp/mano-e2e.XXXXXX)"
  chmod 755 "$work"
  # QEMU opens kernel and initrd as its own user: a checkout under a private directory is out of its reach.
  install -d -m 755 "$work/image"
  install -m 644 "$image/vmlinuz" "$image/initrd.img" "$work/image/"
  image="$work/image"
  mkdir -p "$work/data" "$work/run"
  password="e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  api="http://127.0.0.1:$port"
  virt_type=auto
  grep -qw hypervisor /proc/cpuinfo && virt_type=tcg   # nested KVM does not boot the image: vnf-images/README.md
  trap e2e_end EXIT
}

e2e_end() {
  rc=$?
  set +e
  declare -F on_exit >/dev/null && on_exit
  [[ -n "$orchestrator_pid" ]] && kill "$orchestrator_pid" 2>/dev/null && wait "$orchestrator_pid" 2>/dev/null
  if (( rc != 0 )); then
    echo "e2e: FAILED (exit $rc); orchestrator log tail:" >&2
    tail -40 "$work/orchestrator.log" >&2
    # the whole log outlives the work directory, for what the tail does not show
    cp "$work/orchestrator.log" "/tmp/mano-e2e-$$.orchestrator.log" 2>/dev/null \
      && echo "e2e: whole orchestrator log: /tmp/mano-e2e-$$.orchestrator.log" >&2
    for f in "$work"/run/console/*.log; do [[ -f "$f" ]] && { echo "--- $f" >&2; tail -15 "$f" >&2; }; done
  fi
  rm -rf "$work"
  exit $rc
}

call() {  # call METHOD PATH [JSON] -> body on stdout; fails on HTTP >= 400
  local method="$1" path="$2" body="${3:-}"
  local out status
  out="$(curl -s -u "admin:$password" -X "$method" -H 'Content-Type: application/json' ${body:+-d "$body"} \
         -w '\n%{http_code}' "$api$path")"
  status="${out##*$'\n'}"
  out="${out%$'\n'*}"
  if (( status >= 400 )); then echo "e2e: $method $path -> $status $out" >&2; return 1; fi
  printf '%s' "$out"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, {'d': d}))" "$1"; }

await_op() {  # await_op LOCATION -> final op JSON
  local op="$1" deadline=$(( $(date +%s) + boot_budget )) body state
  while true; do
    body="$(call GET "$op")"
    state="$(json 'd["operationState"]' <<<"$body")"
    case "$state" in COMPLETED|FAILED|FAILED_TEMP|ROLLED_BACK) printf '%s' "$body"; return ;; esac
    (( $(date +%s) < deadline )) || { echo "e2e: $op still $state after ${boot_budget}s: $body" >&2; return 1; }
    sleep 2
  done
}

op_of() {  # op_of METHOD PATH JSON -> op path from the Location header
  local location
  location="$(curl -s -u "admin:$password" -X "$1" -H 'Content-Type: application/json' -d "$3" -o /dev/null \
              -w '%{http_code} %header{location}' "$api$2")"
  [[ "${location%% *}" == 202 ]] || { echo "e2e: $1 $2 -> $location" >&2; return 1; }
  location="${location#* }"
  [[ "$location" == http* ]] && location="/${location#*://*/}"
  echo "$location"
}

start_orchestrator() {  # start_orchestrator [extra Spring args...]; the data dir survives restarts
  MANO_ADMIN_PASSWORD="$password" "$java" --enable-native-access=ALL-UNNAMED -jar "$jar" --server.port="$port" \
    --mano.data-dir="$work/data" --mano.vnflcm.host-run-dir="$work/run" --mano.vnflcm.virt-type="$virt_type" \
    --mano.vnflcm.image-kernel="$image/vmlinuz" --mano.vnflcm.image-initrd="$image/initrd.img" \
    --mano.vnflcm.hello-timeout="${boot_budget}s" --mano.vnflcm.lock-guest-memory="${MANO_E2E_LOCK_MEMORY:-false}" \
    "$@" >> "$work/orchestrator.log" 2>&1 &
  orchestrator_pid=$!
  for _ in $(seq 120); do
    curl -sf -o /dev/null -u "admin:$password" "$api/vim/v1/hosts" && return 0
    kill -0 "$orchestrator_pid" || fail "the orchestrator exited"
    sleep 1
  done
  fail "the orchestrator did not come up"
}

register_local_host() {  # register_local_host NAME ISOLATED_CPUS -> sets host_id
  local host
  host="$(call POST /vim/v1/hosts "{\"name\":\"$1\",\"libvirtUri\":\"qemu:///system\",\"isolatedCpus\":\"$2\"}")"
  host_id="$(json 'd["id"]' <<<"$host")"
}

held_resources() {  # held_resources HOST_ID -> JSON list of CPU ids and VNFC ids still holding CPUs or hugepages
  call GET "/vim/v1/hosts/$1" | json '[c["id"] for cell in d["cells"] for c in cell["cpus"] if c["heldBy"]] + [h["vnfcId"] for cell in d["cells"] for p in cell["hugepages"] for h in p["holders"]]'
}

onboard_vnfd() {  # onboard_vnfd FILE DESCRIPTOR_ID -> prints the VNFD id once ONBOARDED
  local package package_id state
  package="$(call POST /vnfpkgm/v1/vnf_packages '{}')"
  package_id="$(json 'd["id"]' <<<"$package")"
  curl -sf -u "admin:$password" -X PUT -H 'Content-Type: application/yaml' \
    --data-binary "$(sed "s/DESCRIPTOR_ID/$2/" "$1")" \
    "$api/vnfpkgm/v1/vnf_packages/$package_id/package_content" >/dev/null
  for _ in $(seq 60); do
    state="$(call GET "/vnfpkgm/v1/vnf_packages/$package_id" | json 'd["onboardingState"]')"
    [[ "$state" == ONBOARDED ]] && break
    [[ "$state" != ERROR ]] || fail "onboarding $1 failed"
    sleep 0.5
  done
  call GET "/vnfpkgm/v1/vnf_packages/$package_id" | json 'd["vnfdId"]'
}

mano_cli() {  # mano_cli ARGS...: the CLI as ./mano runs it, against this run's orchestrator
  MANO_URL="$api" MANO_USER=admin MANO_PASSWORD="$password" "$java" -jar "$cli_jar" "$@"
}

new_uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }

# ---- Network services with traffic (chain.sh, scale.sh) ----
# The NS under test: set by ns_instantiate, cleared once ns_terminate_checked has verified it is gone.
ns_id=""
ns_prefix=""
members=()
# The two sides of the service: a namespace on each access point's bridge (see plug).
left="mano-e2e-l$$"
right="mano-e2e-r$$"
veth_left="mel$$"
veth_right="mer$$"
tag="run$$"

free_pages() { cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages; }

two_pmd_cpus() {  # the CPUs to declare isolated for two one-PMD VMs
  # With fewer than 4 CPUs every CPU is isolated (the VMs' other vCPU and QEMU then share their VM's PMD CPU:
  # slow under TCG, but honest about what such a machine can give).
  local cpus
  cpus=$(nproc)
  if (( cpus >= 4 )); then echo "$(( cpus - 2 ))-$(( cpus - 1 ))"; else echo "0-$(( cpus - 1 ))"; fi
}

ns_e2e_begin() {  # the NS scripts' start: root and hugepages for two 512 MiB VMs, then e2e_begin and the orchestrator
  (( EUID == 0 )) || skip "network namespaces need root"
  (( $(free_pages) >= 512 )) || skip "two 512 MiB VMs need 512 free 2 MB hugepages, $(free_pages) are free (echo 1024 > /proc/sys/vm/nr_hugepages)"
  e2e_begin
  say "orchestrator on port $port, VMs under ${virt_type}, image $image"
  start_orchestrator
  say "orchestrator up"
}

ns_cleanup() {  # for on_exit: terminate this run's NS if the orchestrator still runs, then remove what is left
  local m d n
  if [[ -n "$ns_id" && -n "$orchestrator_pid" ]] && kill -0 "$orchestrator_pid" 2>/dev/null; then
    curl -s -u "admin:$password" -X POST -H 'Content-Type: application/json' -d '{}' \
      "$api/nslcm/v1/ns_instances/$ns_id/terminate" >/dev/null
    sleep 10
  fi
  for m in "${members[@]}"; do
    for d in $(virsh -c qemu:///system list --all --name | grep "^vnf-${m:0:8}-"); do
      virsh -c qemu:///system destroy "$d" >/dev/null 2>&1
      virsh -c qemu:///system undefine "$d" >/dev/null 2>&1
    done
  done
  if [[ -n "$ns_prefix" ]]; then
    for n in $(virsh -c qemu:///system net-list --all --name | grep "^mano-$ns_prefix-"); do
      virsh -c qemu:///system net-destroy "$n" >/dev/null 2>&1
      virsh -c qemu:///system net-undefine "$n" >/dev/null 2>&1
    done
  fi
  ip netns del "$left" 2>/dev/null
  ip netns del "$right" 2>/dev/null
}

onboard_nsd() {  # onboard_nsd FILE NSD_ID SED_SCRIPT: uploads FILE with NSD_ID and SED_SCRIPT's substitutions
  local info
  info="$(call POST /nsd/v1/ns_descriptors '{}' | json 'd["id"]')"
  curl -sf -u "admin:$password" -X PUT -H 'Content-Type: application/yaml' \
    --data-binary "$(sed "s/NSD_ID/$2/; $3" "$1")" "$api/nsd/v1/ns_descriptors/$info/nsd_content" >/dev/null
}

ns_instantiate() {  # ns_instantiate NSD_ID NAME PARAMS_FILE: mano ns instantiate --wait, as a person would;
                    # sets ns_id, ns_prefix and members as soon as the NS exists (so on_exit can clean up)
  local cli_pid
  mano_cli ns instantiate --nsd "$1" --name "$2" --params "$3" --wait > "$work/cli.out" 2> "$work/cli.err" &
  cli_pid=$!
  for _ in $(seq 60); do
    ns_id="$(sed -n 's/^NS instance \([0-9a-f-]*\).*/\1/p' "$work/cli.err" | head -1)"
    [[ -n "$ns_id" ]] && break
    kill -0 "$cli_pid" 2>/dev/null || break
    sleep 1
  done
  [[ -n "$ns_id" ]] || fail "mano ns instantiate did not create an NS instance: $(cat "$work/cli.err")"
  ns_prefix="${ns_id:0:8}"
  sleep 3
  mapfile -t members < <(call GET "/nslcm/v1/ns_instances/$ns_id" | json '"\n".join(m["vnfInstanceId"] for m in d["vnfInstance"])')
  wait "$cli_pid" || fail "mano ns instantiate --wait failed: $(tail -5 "$work/cli.err") $(cat "$work/cli.out")"
  say "mano ns instantiate --wait: $(tail -1 "$work/cli.out")"
  mapfile -t members < <(call GET "/nslcm/v1/ns_instances/$ns_id" | json '"\n".join(m["vnfInstanceId"] for m in d["vnfInstance"])')
}

# libvirt keeps a running domain's hugepage files in <mount>/libvirt/qemu/<id>-<first 20 characters of its name>.
guest_memory() { find /dev/hugepages /dev/hugepages1G -path "*libvirt/qemu/*-$1*" 2>/dev/null || true; }

ns_terminate_checked() {  # mano ns terminate --wait, then fails unless no domain, network, CPU or hugepage
                          # allocation of the host $host_id, and no guest memory in hugetlbfs is left; deletes the NS
  local m left_domains left_networks held left_memory
  mano_cli ns terminate "$ns_id" --wait > "$work/cli.out" 2> "$work/cli.err" \
    || fail "mano ns terminate --wait failed: $(tail -5 "$work/cli.err")"
  say "mano ns terminate --wait: $(tail -1 "$work/cli.out")"
  for m in "${members[@]}"; do
    left_domains="$(virsh -c qemu:///system list --all --name | grep "^vnf-${m:0:8}-" || true)"
    [[ -z "$left_domains" ]] || fail "domains left after terminate: $left_domains"
  done
  left_networks="$(virsh -c qemu:///system net-list --all --name | grep "^mano-$ns_prefix-" || true)"
  [[ -z "$left_networks" ]] || fail "networks left after terminate: $left_networks"
  held="$(held_resources "$host_id")"
  [[ "$held" == "[]" ]] || fail "allocations left after terminate: $held"
  # QEMU's guest memory lives in files under libvirt's hugetlbfs directory while a domain runs (the free-page
  # count is no use here: anything else on the machine may take or give back pages meanwhile).
  for m in "${members[@]}"; do
    left_memory="$(guest_memory "vnf-${m:0:8}-")"
    [[ -z "$left_memory" ]] || fail "hugepage memory left after terminate: $left_memory"
  done
  call DELETE "/nslcm/v1/ns_instances/$ns_id" >/dev/null
  ns_id=""
  say "terminated: no domain, no network, no CPU or hugepage allocation, no guest memory left in hugetlbfs"
}

plug() {  # plug NETNS VETH BRIDGE MAC ADDRESS
  ip netns add "$1"
  ip link add "$2" type veth peer name e2e0 netns "$1"
  sysctl -qw "net.ipv6.conf.$2.disable_ipv6=1"
  ip netns exec "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link set "$2" master "$3" up
  ip -n "$1" link set e2e0 address "$4"
  ip -n "$1" addr add "$5" dev e2e0
  ip -n "$1" link set e2e0 up
  ip -n "$1" link set lo up
}

plug_sides() {  # plug_sides BRIDGE_IN BRIDGE_OUT GATEWAY_MAC: 10.1.0.2 on the left sends 10.2.0.0/24 to a gateway
                # 10.1.0.1 whose MAC it is told (a DPDK VNF answers no ARP); 10.2.0.2 on the right is 02:00:00:00:02:02
  plug "$left" "$veth_left" "$1" 02:00:00:00:01:02 10.1.0.2/24
  plug "$right" "$veth_right" "$2" 02:00:00:00:02:02 10.2.0.2/24
  ip -n "$left" neigh add 10.1.0.1 lladdr "$3" dev e2e0 nud permanent
  ip -n "$left" route add 10.2.0.0/24 via 10.1.0.1
  say "namespaces $left ($1) and $right ($2) plugged in"
}

await_path() {  # until one allowed datagram (UDP 5001) crosses from left to right (the runtimes are up once their
                # agents said hello, but the guests' NICs and the bridges may need a moment)
  local deadline=$(( $(date +%s) + boot_budget )) got
  while (( $(date +%s) < deadline )); do
    ip netns exec "$right" python3 "$probe" capture --iface e2e0 --tag "$tag-warm" --seconds 4 --expect 1 > "$work/warm.json" &
    sleep 0.5
    ip netns exec "$left" python3 "$probe" send --dst 10.2.0.2 --port 5001 --count 3 --gap 0.3 --tag "$tag-warm"
    wait $!
    got="$(json 'len(d["frames"])' < "$work/warm.json")"
    (( got > 0 )) && return 0
  done
  fail "no datagram crossed within ${boot_budget}s"
}

send_round() {  # send_round NAME N [EXPECT]: N allowed (UDP 5001) and N denied (UDP 6001) datagrams, interleaved, from
                # left to right; what arrived is in $work/NAME.json (udp_probe.py capture, which stops soon after
                # EXPECT allowed frames came, N by default: more where the path delivers copies)
  local capture allowed_sender
  ip netns exec "$right" python3 "$probe" capture --iface e2e0 --tag "$tag-$1" --seconds 60 --expect "${3:-$2}" > "$work/$1.json" &
  capture=$!
  sleep 0.5
  ip netns exec "$left" python3 "$probe" send --dst 10.2.0.2 --port 5001 --count "$2" --tag "$tag-$1" &
  allowed_sender=$!
  ip netns exec "$left" python3 "$probe" send --dst 10.2.0.2 --port 6001 --count "$2" --tag "$tag-$1"
  wait "$allowed_sender"
  wait "$capture"
}

domain_taps() {  # domain_taps DOMAIN -> the host-side taps of its interfaces, in interface (guest port) order
  virsh -c qemu:///system domiflist "$1" | awk 'NR > 2 && $1 != "" { print $1 }'
}
tap_packets() {  # tap_packets TAP... -> the frames these taps carried so far, both directions, summed
  local t sum=0
  for t in "$@"; do
    sum=$(( sum + $(< "/sys/class/net/$t/statistics/rx_packets") + $(< "/sys/class/net/$t/statistics/tx_packets") ))
  done
  echo "$sum"
}
netns_rx_packets() {  # netns_rx_packets NETNS -> frames its e2e0 (see plug) received so far
  ip netns exec "$1" cat /sys/class/net/e2e0/statistics/rx_packets
}

counter() {  # counter VNF_ID NAME -> the agent's cumulative counter as the VNFM last received it (0 if never)
  indicator "$1" "counter.$2"
}
indicator() {  # indicator VNF_ID ID -> a VNF indicator's value as a whole number (0 if never reported)
  call GET "/vnfind/v1/indicators/$1" 2>/dev/null | json "next((int(i['value']) for i in d if i['id'] == '$2'), 0)" || echo 0
}
settled() {  # settled VNF_ID NAME -> the counter once two heartbeats in a row report the same value
  local a b
  a="$(counter "$1" "$2")"
  for _ in $(seq 30); do
    sleep 3
    b="$(counter "$1" "$2")"
    [[ "$a" == "$b" ]] && { echo "$b"; return; }
    a="$b"
  done
  echo "$b"
}
