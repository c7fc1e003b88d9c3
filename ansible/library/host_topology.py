#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Reads the CPU, NUMA and hugepage topology of a host from sysfs.

Ansible's own facts know CPU counts but not which CPUs share a NUMA cell or a
physical core, and isolating cores needs both. Reading sysfs under a configurable
root lets the same code run against a fake tree in tests.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: host_topology
short_description: Read NUMA cells, cores, siblings and hugepage pools from sysfs
description:
  - Reads C(devices/system/node) and C(devices/system/cpu) under I(sysfs_root).
  - Never changes anything; safe in check mode.
options:
  sysfs_root:
    description: Where sysfs is mounted (a fake tree in tests).
    type: path
    default: /sys
author: mano
"""

EXAMPLES = r"""
- name: Read the topology
  host_topology:
    sysfs_root: /sys
  register: topology
"""

RETURN = r"""
nodes:
  description: One entry per NUMA cell with cpus, cores (sibling groups) and hugepages per size in kB.
  type: list
  returned: always
isolated:
  description: CPUs the running kernel isolates (devices/system/cpu/isolated), as a list.
  type: list
  returned: always
"""

import os
import re

from ansible.module_utils.basic import AnsibleModule


def parse_cpulist(text):
    cpus = set()
    for part in text.strip().split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            low, high = part.split("-", 1)
            cpus.update(range(int(low), int(high) + 1))
        else:
            cpus.add(int(part))
    return sorted(cpus)


def read(path, default=None):
    try:
        with open(path) as f:
            return f.read().strip()
    except (IOError, OSError):
        return default


def sibling_groups(sysfs, cpus):
    """Groups CPUs by physical core (thread siblings), ordered by the lowest CPU of each core."""
    groups = {}
    for cpu in cpus:
        text = read(os.path.join(sysfs, "devices/system/cpu/cpu%d/topology/thread_siblings_list" % cpu))
        siblings = tuple(c for c in parse_cpulist(text) if c in cpus) if text else (cpu,)
        groups[siblings or (cpu,)] = True
    return sorted((list(g) for g in groups), key=lambda g: g[0])


def hugepage_pools(directory):
    pools = {}
    if not os.path.isdir(directory):
        return pools
    for entry in sorted(os.listdir(directory)):
        m = re.match(r"hugepages-(\d+)kB$", entry)
        if not m:
            continue
        base = os.path.join(directory, entry)
        pools[int(m.group(1))] = {
            "nr": int(read(os.path.join(base, "nr_hugepages"), "0") or 0),
            "free": int(read(os.path.join(base, "free_hugepages"), "0") or 0),
        }
    return pools


def topology(sysfs):
    node_dir = os.path.join(sysfs, "devices/system/node")
    online = parse_cpulist(read(os.path.join(sysfs, "devices/system/cpu/online"), "") or "")
    nodes = []
    if os.path.isdir(node_dir):
        for entry in sorted(os.listdir(node_dir)):
            m = re.match(r"node(\d+)$", entry)
            if not m:
                continue
            cpus = parse_cpulist(read(os.path.join(node_dir, entry, "cpulist"), "") or "")
            if online:
                cpus = [c for c in cpus if c in online]
            nodes.append({
                "id": int(m.group(1)),
                "cpus": cpus,
                "cores": sibling_groups(sysfs, set(cpus)),
                "hugepages": hugepage_pools(os.path.join(node_dir, entry, "hugepages")),
            })
    if not nodes:
        # A kernel without NUMA support still has one cell: all online CPUs.
        nodes.append({
            "id": 0,
            "cpus": online,
            "cores": sibling_groups(sysfs, set(online)),
            "hugepages": hugepage_pools(os.path.join(sysfs, "kernel/mm/hugepages")),
        })
    nodes.sort(key=lambda n: n["id"])
    return {
        "nodes": nodes,
        "isolated": parse_cpulist(read(os.path.join(sysfs, "devices/system/cpu/isolated"), "") or ""),
    }


def main():
    module = AnsibleModule(
        argument_spec=dict(sysfs_root=dict(type="path", default="/sys")),
        supports_check_mode=True,
    )
    sysfs = module.params["sysfs_root"]
    if not os.path.isdir(os.path.join(sysfs, "devices/system/cpu")):
        module.fail_json(msg="%s has no devices/system/cpu: not a sysfs tree" % sysfs)
    module.exit_json(changed=False, **topology(sysfs))


if __name__ == "__main__":
    main()
