#!/usr/bin/env bash
# Tests of the host tuning playbook on this machine (root, a VM, no reboot, no systemd).
# Lint and syntax; check mode of the whole playbook on localhost; a real run of the
# roles -- 2 MB hugepages reserved and mounted for real, the hardware this VM lacks
# (NUMA cells, SR-IOV PF, a NIC for vfio, GRUB) in a fake tree -- then a second run
# that must change nothing; then the register role against a real orchestrator.
# Prints one line per check, then "N passed, N failed"; exits non-zero on a failure.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ANSIBLE_DIR=$(dirname "$HERE")
ROOT=$(dirname "$ANSIBLE_DIR")
JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=${MANO_ORCHESTRATOR_JAR:-$ROOT/orchestrator/target/orchestrator.jar}
cd "$ANSIBLE_DIR"
export ANSIBLE_CONFIG=$ANSIBLE_DIR/ansible.cfg ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_RETRY_FILES_ENABLED=0

WORK=$(mktemp -d /tmp/mano-ansible-test.XXXXXX)
FAKE=$WORK/fake
passed=0 failed=0 orch_pid=""

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1${2:+ -- $2}"; failed=$((failed + 1)); }
# check NAME COMMAND...: one check; shows the command's output tail when it fails.
check() {
  local name=$1; shift
  if "$@" >"$WORK/check.log" 2>&1; then pass "$name"; else fail "$name"; tail -25 "$WORK/check.log" | sed 's/^/    /'; fi
}
# play LOG ARGS...: ansible-playbook on localhost, output kept in $WORK/LOG.log.
play() {
  local log=$WORK/$1.log; shift
  ansible-playbook -i localhost, -c local site.yml "$@" >"$log" 2>&1
}
# changed LOG: the changed= count of the play recap.
changed() { sed -n 's/^localhost *: .*changed=\([0-9]*\).*/\1/p' "$WORK/$1.log" | tail -1; }
failed_tail() { tail -40 "$WORK/$1.log" | sed 's/^/    /'; }
cleanup() {
  if [ -n "$orch_pid" ] && kill -0 "$orch_pid" 2>/dev/null; then kill "$orch_pid"; wait "$orch_pid" 2>/dev/null; fi
  if [ "$failed" -eq 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
}
trap cleanup EXIT

# --- the orchestrator starts in the background while the other checks run ---------
PASSWORD=test-$RANDOM$RANDOM
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL=http://127.0.0.1:$PORT
if [ -f "$JAR" ]; then
  MANO_ADMIN_PASSWORD=$PASSWORD "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" \
    --server.port="$PORT" --mano.data-dir="$WORK/orchestrator" >"$WORK/orchestrator.log" 2>&1 &
  orch_pid=$!
fi

# --- static checks ---------------------------------------------------------------
lint_args=()
ansible-lint --help 2>/dev/null | grep -q -- '--profile' && lint_args=(--profile production)
check "ansible-lint ${lint_args[*]:-(default rules)}" ansible-lint --nocolor "${lint_args[@]}"
check "ansible-playbook --syntax-check site.yml" ansible-playbook -i localhost, --syntax-check site.yml

# --- check mode of the whole playbook against this machine's real roots ----------
# This VM boots from a fixed command line (no boot loader: bootloader none), its kernel
# has no loadable modules (no modprobe), and the shared libvirtd must not be restarted.
real_vars=(-e mano_hosts=localhost -e mano_bootloader=none -e iommu_vfio_load_module=false -e libvirt_manage_service=false)
# The register role joins the whole-playbook check once the orchestrator is up (below).
real_check_vars=("${real_vars[@]}" --skip-tags register)
qemu_conf_before=$(sha256sum /etc/libvirt/qemu.conf)
if play check-real --check --diff "${real_check_vars[@]}"; then
  pass "check mode, whole playbook, real roots (changed=$(changed check-real))"
else
  fail "check mode, whole playbook, real roots"; failed_tail check-real
fi
check "check mode left /etc/libvirt/qemu.conf alone" test "$(sha256sum /etc/libvirt/qemu.conf)" = "$qemu_conf_before"

# --- the fake host and the real hugepages ----------------------------------------
bash "$HERE/make_fake_host.sh" "$FAKE"
node0=/sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages
pages_before=$(cat "$node0")
pages=$(( pages_before > 512 ? pages_before : 512 ))  # never take pages from a running DPDK test
fake_vars=(-e @"$HERE/fake_host_vars.yml" -e fake_root="$FAKE" -e hugepages_test_count="$pages" --skip-tags packages,register)
tree_digest() { (cd "$FAKE" && find . -printf '%p %l\n' | sort && find . -type f -print0 | sort -z | xargs -0 cat) | sha256sum; }

digest=$(tree_digest)
if play check-fake --check "${fake_vars[@]}" && [ "$(changed check-fake)" -gt 0 ]; then
  pass "check mode on the fake host reports changes (changed=$(changed check-fake))"
else
  fail "check mode on the fake host"; failed_tail check-fake
fi
check "check mode wrote nothing to the fake host" test "$(tree_digest)" = "$digest"
check "check mode reserved no hugepages" test "$(cat "$node0")" = "$pages_before"

if play run1 "${fake_vars[@]}" && [ "$(changed run1)" -gt 0 ]; then
  pass "first run (changed=$(changed run1))"
else
  fail "first run"; failed_tail run1
fi

cmdline=$(sed -n 's/^GRUB_CMDLINE_LINUX="\(.*\)"$/\1/p' "$FAKE/etc/default/grub")
check "GRUB_CMDLINE_LINUX keeps console= and gets isolation, hugepage and IOMMU arguments" \
  test "$cmdline" = "console=ttyS0,115200 isolcpus=1,3,5,7 nohz_full=1,3,5,7 rcu_nocbs=1,3,5,7 irqaffinity=0,2,4,6 default_hugepagesz=2M hugepagesz=1G hugepages=2 intel_iommu=on iommu=pt"
check "update-grub ran after the GRUB change" test -s "$FAKE/update-grub.calls"
grub_calls=$(wc -l <"$FAKE/update-grub.calls" 2>/dev/null || echo 0)
check "a pending reboot is flagged" test -s "$FAKE/run/reboot-required"
check "reboot reported, not performed" grep -q "Reboot needed for the kernel arguments of: cpu_isolation" "$WORK/run1.log"
check "2 MB pages reserved on node 0 ($pages)" test "$(cat "$node0")" -ge "$pages"
check "hugetlbfs mounted at /dev/hugepages" grep -qE '^[^ ]+ /dev/hugepages hugetlbfs ' /proc/mounts
check "hugetlbfs mount persisted in fstab" grep -qE '^hugetlbfs /dev/hugepages hugetlbfs pagesize=2M ' "$FAKE/etc/fstab"
check "boot-time hugepage unit installed and enabled" \
  bash -c "grep -q 'echo $pages > /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages' '$FAKE/etc/systemd/system/mano-hugepages.service' \
           && test -L '$FAKE/etc/systemd/system/multi-user.target.wants/mano-hugepages.service' \
           && test -f '$FAKE/etc/systemd/system/multi-user.target.wants/mano-hugepages.service'"
check "vfio-pci loaded at boot (modules-load.d)" grep -qx vfio-pci "$FAKE/etc/modules-load.d/mano-vfio-pci.conf"
check "vfio binding by address persisted (udev rule)" \
  grep -q 'KERNEL=="0000:02:00.0", ATTR{driver_override}="vfio-pci"' "$FAKE/etc/udev/rules.d/60-mano-vfio.rules"
dev2=$FAKE/sys/devices/pci0000:00/0000:02:00.0
check "vfio bind: driver_override, unbind from ixgbe, drivers_probe" \
  bash -c "test \"\$(cat '$dev2/driver_override')\" = vfio-pci && test \"\$(cat '$FAKE/sys/bus/pci/drivers/ixgbe/unbind')\" = 0000:02:00.0 \
           && test \"\$(cat '$FAKE/sys/bus/pci/drivers_probe')\" = 0000:02:00.0"
check "4 VFs created on enp1s0f0" test "$(cat "$FAKE/sys/class/net/enp1s0f0/device/sriov_numvfs")" = 4
check "VF 0 trusted, spoofchk off, VLAN 100; VF 3 trusted" python3 -c "
import json, sys; s = json.load(open('$FAKE/ip-state.json'))['enp1s0f0']
assert s['0'] == {'vlan': 100, 'spoofchk': False, 'trust': True}, s
assert s['3'] == {'spoofchk': False, 'trust': True}, s"
check "boot-time VF unit installed and enabled" \
  bash -c "grep -q 'ip link set dev enp1s0f0 vf 0 vlan 100 spoofchk off trust on' '$FAKE/etc/systemd/system/mano-sriov.service' \
           && test -f '$FAKE/etc/systemd/system/multi-user.target.wants/mano-sriov.service'"
check "qemu.conf points at the hugetlbfs mount" grep -qx 'hugetlbfs_mount = \["/dev/hugepages"\]' "$FAKE/etc/libvirt/qemu.conf"
check "libvirtd.conf: no TCP, socket for group libvirt" \
  bash -c "grep -qx 'listen_tcp = 0' '$FAKE/etc/libvirt/libvirtd.conf' && grep -qx 'unix_sock_group = \"libvirt\"' '$FAKE/etc/libvirt/libvirtd.conf'"

# The kernel would now have bound 0000:02:00.0 to vfio-pci; the fake tree needs the test to do it.
ln -sfn ../../../bus/pci/drivers/vfio-pci "$dev2/driver"

if play run2 "${fake_vars[@]}" && [ "$(changed run2)" = 0 ]; then
  pass "second run changes nothing (changed=0)"
else
  fail "second run changes nothing" "changed=$(changed run2)"; grep -B2 '^changed' "$WORK/run2.log" | sed 's/^/    /'
fi
check "second run did not regenerate grub.cfg" test "$(wc -l <"$FAKE/update-grub.calls")" = "$grub_calls"
if play check-after --check "${fake_vars[@]}" && [ "$(changed check-after)" = 0 ]; then
  pass "check mode after the runs reports nothing to change"
else
  fail "check mode after the runs" "changed=$(changed check-after)"; grep -B2 '^changed' "$WORK/check-after.log" | sed 's/^/    /'
fi

if play whole-cell --tags cpu_isolation "${fake_vars[@]}" -e cpu_isolation_pmd_cpus=4-7; then
  fail "cpu_isolation refuses to isolate a whole NUMA cell" "the play succeeded"
elif grep -q "refusing to isolate every CPU of NUMA cell 1 (4-7)" "$WORK/whole-cell.log"; then
  pass "cpu_isolation refuses to isolate a whole NUMA cell"
else
  fail "cpu_isolation refuses to isolate a whole NUMA cell" "failed for another reason"; failed_tail whole-cell
fi

# --- the register role against a real orchestrator --------------------------------
if [ -z "$orch_pid" ]; then
  fail "orchestrator started" "$JAR missing: build it with ./mvnw -B package"
else
  healthy=""
  for _ in $(seq 1 300); do  # ~80 s on a loaded 2-core machine
    if curl -fsS "$URL/actuator/health" 2>/dev/null | grep -q '"UP"'; then healthy=yes; break; fi
    kill -0 "$orch_pid" 2>/dev/null || break
    sleep 1
  done
  if [ -z "$healthy" ]; then
    fail "orchestrator healthy on port $PORT"; tail -30 "$WORK/orchestrator.log" | sed 's/^/    /'
  else
    pass "orchestrator healthy on port $PORT"
    # libvirtd must serve qemu:///system for the orchestrator to read this host.
    pgrep -x libvirtd >/dev/null || { pgrep -x virtlogd >/dev/null || virtlogd -d; libvirtd -d; sleep 1; }
    host=ansible-test-$$
    reg_vars=(-e mano_hosts=localhost -e mano_bootloader=none --tags cpu_isolation,register
              -e register_orchestrator_url="$URL" -e register_password="$PASSWORD"
              -e register_host_name="$host" -e register_libvirt_uri=qemu:///system)
    if play check-whole --check "${real_vars[@]}" -e register_orchestrator_url="$URL" -e register_password="$PASSWORD" \
         -e register_host_name="$host" -e register_libvirt_uri=qemu:///system \
       && grep -q "\"msg\": \"$host would be registered as" "$WORK/check-whole.log"; then
      pass "check mode, whole playbook with register: $host would be registered"
    else
      fail "check mode, whole playbook with register"; failed_tail check-whole
    fi
    if play register1 "${reg_vars[@]}" && [ "$(changed register1)" -gt 0 ]; then
      pass "register role registers $host (changed=$(changed register1))"
    else
      fail "register role registers $host"; failed_tail register1
    fi
    if play register2 "${reg_vars[@]}" && [ "$(changed register2)" = 0 ]; then
      pass "registering again changes nothing (changed=0)"
    else
      fail "registering again changes nothing" "changed=$(changed register2)"; failed_tail register2
    fi
    check "GET /vim/v1/hosts lists $host with its URI, isolated CPUs and topology" \
      python3 "$HERE/check_registered_host.py" "$URL" "$PASSWORD" "$host" "$WORK/register1.log"
    # A bearer token (OAuth 2.0 client credentials) instead of Basic: the password given to the role is wrong on purpose.
    token=$(curl -fsS -u "admin:$PASSWORD" -d grant_type=client_credentials "$URL/oauth2/token" \
            | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])' 2>/dev/null)
    if [ -n "$token" ] && play register-token "${reg_vars[@]}" -e register_host_name="$host-token" \
         -e register_token="$token" -e register_password=wrong && [ "$(changed register-token)" = 1 ]; then
      pass "register role with a bearer token"
    else
      fail "register role with a bearer token" "token ${token:+obtained}${token:-missing}"; [ -f "$WORK/register-token.log" ] && failed_tail register-token
    fi
    check "GET /vim/v1/hosts lists $host-token" \
      python3 "$HERE/check_registered_host.py" "$URL" "$PASSWORD" "$host-token" "$WORK/register-token.log"
  fi
  kill "$orch_pid" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "$orch_pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$orch_pid" 2>/dev/null; then
    fail "orchestrator stopped"; kill -9 "$orch_pid"
  else
    pass "orchestrator stopped"
  fi
  wait "$orch_pid" 2>/dev/null
  orch_pid=""
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
