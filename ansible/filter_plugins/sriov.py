# -*- coding: utf-8 -*-
"""Expands the sriov role's PF list into one settings entry per VF."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

SETTINGS = ("trust", "spoofchk", "vlan")


def sriov_vf_settings(pfs, defaults=None):
    """[{name, num_vfs, vf_defaults, vfs: [{index, vlan...}]}] -> [{pf, vf, trust, spoofchk, vlan}]
    with per-VF values over the PF's vf_defaults over the role-wide defaults. Unset
    settings stay None (left as the driver has them)."""
    out = []
    for pf in pfs:
        base = dict((k, v) for k, v in (defaults or {}).items() if k in SETTINGS)
        base.update((k, v) for k, v in (pf.get("vf_defaults") or {}).items() if k in SETTINGS)
        overrides = {}
        for vf in pf.get("vfs") or []:
            index = int(vf["index"])
            if index >= int(pf["num_vfs"]):
                raise AnsibleFilterError("%s: VF %d configured but num_vfs is %s" % (pf["name"], index, pf["num_vfs"]))
            overrides[index] = dict((k, v) for k, v in vf.items() if k in SETTINGS)
        for index in range(int(pf["num_vfs"])):
            entry = dict((k, None) for k in SETTINGS)
            entry.update(base)
            entry.update(overrides.get(index, {}))
            if all(entry[k] is None for k in SETTINGS):
                continue
            entry.update(pf=pf["name"], vf=index)
            out.append(entry)
    return out


class FilterModule(object):
    def filters(self):
        return {"sriov_vf_settings": sriov_vf_settings}
