# -*- coding: utf-8 -*-
"""Turns the hugepages role's pool list into sysfs writes and kernel arguments."""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

UNITS = {"K": 1, "M": 1024, "G": 1024 * 1024}


def size_kb(size):
    """'2M' -> 2048, '1G' -> 1048576, 2048 -> 2048."""
    text = str(size).strip().upper().rstrip("B")
    if text.isdigit():
        return int(text)
    if text[-1:] in UNITS and text[:-1].isdigit():
        return int(text[:-1]) * UNITS[text[-1]]
    raise AnsibleFilterError("not a page size: %r (use 2M or 1G)" % size)


def size_label(kb):
    return "%dG" % (kb // UNITS["G"]) if kb % UNITS["G"] == 0 else "%dM" % (kb // UNITS["M"])


def hugepage_plan(pools, topology, runtime_sizes, default_size=""):
    """Splits pools into run-time sysfs writes (sizes in runtime_sizes, e.g. 2 MB, which
    the kernel can still find contiguous memory for) and boot-time kernel arguments
    (e.g. 1 GB, which only boot-time reservation finds reliably)."""
    node_ids = [n["id"] for n in topology["nodes"]]
    runtime_kb = set(size_kb(s) for s in runtime_sizes)
    runtime, boot = [], {}
    for pool in pools:
        kb = size_kb(pool["size"])
        count = int(pool["count"])
        node = pool.get("node", "all")
        nodes = node_ids if node == "all" else [int(node)]
        for n in nodes:
            if n not in node_ids:
                raise AnsibleFilterError("hugepages pool for node %s: the host has nodes %s" % (n, node_ids))
        if kb in runtime_kb:
            for n in nodes:
                runtime.append({"node": n, "size_kb": kb, "count": count,
                                "path": "devices/system/node/node%d/hugepages/hugepages-%dkB/nr_hugepages" % (n, kb)})
        else:
            spec = boot.setdefault(kb, {})
            if node == "all":
                spec["all"] = count
            else:
                spec[int(node)] = count
    tokens = ["default_hugepagesz=%s" % size_label(size_kb(default_size))] if default_size else []
    for kb in sorted(boot):
        spec = boot[kb]
        value = str(spec["all"]) if "all" in spec else ",".join("%d:%d" % (n, c) for n, c in sorted(spec.items()))
        tokens += ["hugepagesz=%s" % size_label(kb), "hugepages=%s" % value]
    return {"runtime": runtime, "boot_tokens": tokens}


class FilterModule(object):
    def filters(self):
        return {"hugepage_plan": hugepage_plan, "hugepage_size_kb": size_kb}
