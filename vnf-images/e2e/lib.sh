# Shared by the end-to-end scripts: preconditions, the orchestrator jar on a free port with its own data
# directory, and small REST helpers. Source it after `set -euo pipefail`; define `on_exit` for your own
# cleanup (called first by the EXIT trap, with $rc set), then call `e2e_begin`.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/vnf-images/e2e"
java="${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
jar="${MANO_E2E_JAR:-$root/orchestrator/target/orchestrator.jar}"
image="${MANO_E2E_IMAGE:-$root/vnf-images/target/image}"
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
