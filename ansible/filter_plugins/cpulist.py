# -*- coding: utf-8 -*-
"""Filters for Linux CPU lists ("0-3,8") and for choosing PMD cores per NUMA cell."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError


def cpulist_parse(text):
    """'0-2,5' -> [0, 1, 2, 5]; also accepts an int or a list."""
    if isinstance(text, int):
        return [text]
    if isinstance(text, (list, tuple)):
        return sorted(set(int(c) for c in text))
    cpus = set()
    for part in str(text).split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            low, high = part.split("-", 1)
            cpus.update(range(int(low), int(high) + 1))
        else:
            cpus.add(int(part))
    return sorted(cpus)


def cpulist_format(cpus):
    """[0, 1, 2, 5] -> '0-2,5' (the form the kernel prints and accepts)."""
    cpus = sorted(set(int(c) for c in cpus))
    ranges, start, prev = [], None, None
    for cpu in cpus:
        if start is None:
            start = prev = cpu
        elif cpu == prev + 1:
            prev = cpu
        else:
            ranges.append((start, prev))
            start = prev = cpu
    if start is not None:
        ranges.append((start, prev))
    return ",".join(str(a) if a == b else "%d-%d" % (a, b) for a, b in ranges)


def pmd_plan(topology, pmd_cpus="", cores_per_node=1, housekeeping_cores_per_node=1):
    """Chooses the CPUs to isolate for PMD threads.

    Given pmd_cpus, checks it; otherwise, per NUMA cell, keeps the first
    housekeeping_cores_per_node physical cores (with their hyperthread siblings)
    for the kernel and isolates the next cores_per_node. Whole cores are isolated
    so a PMD never shares a core with a housekeeping thread. A cell is never
    isolated completely: the kernel, IRQs and the VM emulator threads need a home.
    """
    nodes = topology["nodes"]
    all_cpus = sorted(c for n in nodes for c in n["cpus"])
    if pmd_cpus not in (None, "", []):
        isolated = cpulist_parse(pmd_cpus)
        unknown = [c for c in isolated if c not in all_cpus]
        if unknown:
            raise AnsibleFilterError("cpu_isolation_pmd_cpus names CPUs the host lacks: %s" % cpulist_format(unknown))
    else:
        if int(housekeeping_cores_per_node) < 1:
            raise AnsibleFilterError("at least one housekeeping core per NUMA cell is needed")
        isolated = []
        for node in nodes:
            cores = node["cores"]
            chosen = cores[int(housekeeping_cores_per_node):int(housekeeping_cores_per_node) + int(cores_per_node)]
            isolated.extend(c for core in chosen for c in core)
        isolated = sorted(isolated)
    per_node = []
    for node in nodes:
        node_isolated = [c for c in node["cpus"] if c in isolated]
        if node["cpus"] and len(node_isolated) == len(node["cpus"]):
            raise AnsibleFilterError("refusing to isolate every CPU of NUMA cell %d (%s)"
                                     % (node["id"], cpulist_format(node["cpus"])))
        per_node.append({"node": node["id"], "isolated": cpulist_format(node_isolated)})
    housekeeping = [c for c in all_cpus if c not in isolated]
    return {
        "isolated": cpulist_format(isolated),
        "housekeeping": cpulist_format(housekeeping),
        "per_node": per_node,
    }


class FilterModule(object):
    def filters(self):
        return {
            "cpulist_parse": cpulist_parse,
            "cpulist_format": cpulist_format,
            "pmd_plan": pmd_plan,
        }
