#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Sets SR-IOV VF attributes (trust, spoof checking, VLAN) through iproute2.

Reads the PF's VF table with `ip -j -d link show` first so only differing
attributes are set: idempotent and honest in check mode.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: sriov_vf
short_description: Set trust, spoofchk and VLAN of one SR-IOV VF
options:
  pf:
    description: Netdev name of the physical function.
    type: str
    required: true
  vf:
    description: VF index.
    type: int
    required: true
  trust:
    description: Wanted trust mode; unset leaves it alone.
    type: bool
  spoofchk:
    description: Wanted spoof checking; unset leaves it alone.
    type: bool
  vlan:
    description: Wanted VLAN id (0 removes the tag); unset leaves it alone.
    type: int
  ip_command:
    description: The iproute2 C(ip) binary.
    type: path
    default: ip
author: mano
"""

EXAMPLES = r"""
- name: Trust VF 0 and tag it with VLAN 100
  sriov_vf:
    pf: enp3s0f0
    vf: 0
    trust: true
    spoofchk: false
    vlan: 100
"""

RETURN = r"""
before:
  description: The VF's attributes before the task.
  type: dict
  returned: always
"""

import json

from ansible.module_utils.basic import AnsibleModule


def vf_state(entry):
    vlan = entry.get("vlan", 0)
    if entry.get("vlan_list"):
        vlan = entry["vlan_list"][0].get("vlan", 0)
    return {"trust": bool(entry.get("trust", False)), "spoofchk": bool(entry.get("spoofchk", True)), "vlan": int(vlan)}


def main():
    module = AnsibleModule(
        argument_spec=dict(
            pf=dict(type="str", required=True),
            vf=dict(type="int", required=True),
            trust=dict(type="bool"),
            spoofchk=dict(type="bool"),
            vlan=dict(type="int"),
            ip_command=dict(type="path", default="ip"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    ip = module.get_bin_path(p["ip_command"], required=True) if "/" not in p["ip_command"] else p["ip_command"]
    rc, out, err = module.run_command([ip, "-j", "-d", "link", "show", "dev", p["pf"]])
    if rc != 0:
        module.fail_json(msg="ip link show %s failed: %s" % (p["pf"], err.strip()))
    links = json.loads(out)
    entries = [e for e in (links[0].get("vfinfo_list", []) if links else []) if e.get("vf") == p["vf"]]
    if not entries:
        module.fail_json(msg="%s has no VF %d (is sriov_numvfs set?)" % (p["pf"], p["vf"]))
    before = vf_state(entries[0])
    wanted = {k: p[k] for k in ("trust", "spoofchk", "vlan") if p[k] is not None}
    differing = {k: v for k, v in wanted.items() if before[k] != v}
    after = dict(before, **wanted)
    result = dict(changed=bool(differing), before=before, after=after,
                  diff=dict(before=json.dumps(before, sort_keys=True) + "\n", after=json.dumps(after, sort_keys=True) + "\n"))
    if not differing or module.check_mode:
        module.exit_json(**result)
    cmd = [ip, "link", "set", "dev", p["pf"], "vf", str(p["vf"])]
    if "vlan" in differing:
        cmd += ["vlan", str(differing["vlan"])]
    if "spoofchk" in differing:
        cmd += ["spoofchk", "on" if differing["spoofchk"] else "off"]
    if "trust" in differing:
        cmd += ["trust", "on" if differing["trust"] else "off"]
    rc, out, err = module.run_command(cmd)
    if rc != 0:
        module.fail_json(msg="%s failed: %s" % (" ".join(cmd), err.strip()), **result)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
