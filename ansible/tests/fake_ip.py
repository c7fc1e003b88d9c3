#!/usr/bin/python3
"""Stands in for iproute2's `ip` on the fake host: the VFs of a PF are those its
fake sysfs sriov_numvfs says exist (as the kernel would show), their trust,
spoofchk and vlan live in ip-state.json next to bin/. Supports exactly the two
calls the sriov_vf module makes."""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATE = os.path.join(ROOT, "ip-state.json")


def load():
    return json.load(open(STATE)) if os.path.exists(STATE) else {}


def numvfs(pf):
    with open(os.path.join(ROOT, "sys/class/net", pf, "device/sriov_numvfs")) as f:
        return int(f.read().strip() or 0)


args = sys.argv[1:]
if args[:4] == ["-j", "-d", "link", "show"] and args[4] == "dev":
    pf = args[5]
    if not os.path.isdir(os.path.join(ROOT, "sys/class/net", pf)):
        sys.stderr.write('Device "%s" does not exist.\n' % pf)
        sys.exit(1)
    state = load().get(pf, {})
    vfs = []
    for i in range(numvfs(pf)):
        s = state.get(str(i), {})
        vfs.append({"vf": i, "address": "00:00:00:00:00:00", "vlan_list": [{"vlan": s.get("vlan", 0)}] if s.get("vlan") else [],
                    "spoofchk": s.get("spoofchk", True), "link_state": "auto", "trust": s.get("trust", False)})
    print(json.dumps([{"ifname": pf, "vfinfo_list": vfs}]))
elif args[:3] == ["link", "set", "dev"] and args[4] == "vf":
    pf, vf, rest = args[3], int(args[5]), args[6:]
    if vf >= numvfs(pf):
        sys.stderr.write("RTNETLINK answers: Invalid argument\n")
        sys.exit(2)
    state = load()
    s = state.setdefault(pf, {}).setdefault(str(vf), {})
    for key, value in zip(rest[::2], rest[1::2]):
        s[key] = int(value) if key == "vlan" else value == "on"
    with open(STATE, "w") as f:
        json.dump(state, f)
    with open(os.path.join(ROOT, "ip.calls"), "a") as f:
        f.write(" ".join(args) + "\n")
else:
    sys.stderr.write("fake ip: unsupported call %s\n" % args)
    sys.exit(2)
