#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Owns a set of kernel command line arguments in the boot loader configuration.

Several roles add arguments (CPU isolation, hugepages, IOMMU). Each one owns its
keys: its tokens are replaced as a group and left in place when already equal, so
the roles compose and a second run changes nothing, whatever their order.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: kernel_cmdline
short_description: Set owned kernel arguments in GRUB (and through grubby), report whether a reboot is needed
options:
  keys:
    description: Argument names this caller owns; their current tokens are replaced by I(tokens). Keys of I(tokens) are always owned.
    type: list
    elements: str
    default: []
  tokens:
    description: Wanted arguments (C(key=value) or bare flags), in order.
    type: list
    elements: str
    required: true
  bootloader:
    description: C(grub) edits I(grub_file) (the caller regenerates grub.cfg); C(grubby) edits I(grub_file) and every installed kernel through grubby; C(none) only reports.
    type: str
    choices: [grub, grubby, none]
    default: grub
  grub_file:
    description: The GRUB defaults file (a fake one in tests).
    type: path
    default: /etc/default/grub
  grubby_command:
    description: The grubby binary.
    type: path
    default: grubby
  proc_cmdline:
    description: The running kernel's command line, to decide whether a reboot is needed.
    type: path
    default: /proc/cmdline
author: mano
"""

EXAMPLES = r"""
- name: Isolate CPUs 2-3
  kernel_cmdline:
    keys: [isolcpus, nohz_full, rcu_nocbs, irqaffinity]
    tokens: [isolcpus=2-3, nohz_full=2-3, rcu_nocbs=2-3, irqaffinity=0-1]
"""

RETURN = r"""
cmdline:
  description: GRUB_CMDLINE_LINUX after the task.
  type: str
  returned: always
reboot_required:
  description: Whether the running kernel lacks the wanted arguments.
  type: bool
  returned: always
"""

import os
import re
import shlex
import tempfile

from ansible.module_utils.basic import AnsibleModule

LINE = re.compile(r'^GRUB_CMDLINE_LINUX=(.*)$', re.M)


def key(token):
    return token.split("=", 1)[0]


def merge(current, keys, tokens):
    """current with the owned tokens replaced by tokens; unchanged if they already match."""
    owned = [t for t in current if key(t) in keys]
    if owned == tokens:
        return current
    return [t for t in current if key(t) not in keys] + tokens


def unquote(value):
    parts = shlex.split(value) if value.strip() else []
    return " ".join(parts).split()


def edit_grub(module, path, keys, tokens):
    with open(path) as f:
        text = f.read()
    m = LINE.search(text)
    current = unquote(m.group(1)) if m else []
    new = merge(current, keys, tokens)
    line = 'GRUB_CMDLINE_LINUX="%s"' % " ".join(new)
    if m:
        new_text = text[:m.start()] + line + text[m.end():] if new != current else text
    else:
        new_text = text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    changed = new_text != text
    if changed and not module.check_mode:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".")
        with os.fdopen(fd, "w") as f:
            f.write(new_text)
        module.atomic_move(tmp, path)
    return changed, " ".join(new), dict(before=text, after=new_text, before_header=path, after_header=path)


def edit_grubby(module, grubby, keys, tokens):
    rc, out, err = module.run_command([grubby, "--info=ALL"])
    if rc != 0:
        module.fail_json(msg="grubby --info=ALL failed: %s" % err.strip())
    stale = [unquote(m.group(1)) for m in re.finditer(r'^args="?(.*?)"?$', out, re.M)]
    if all(merge(a, keys, tokens) == a for a in stale):
        return False
    if not module.check_mode:
        cmd = [grubby, "--update-kernel=ALL", "--remove-args=%s" % " ".join(sorted(keys)), "--args=%s" % " ".join(tokens)]
        rc, out, err = module.run_command(cmd)
        if rc != 0:
            module.fail_json(msg="%s failed: %s" % (" ".join(cmd), err.strip()))
    return True


def main():
    module = AnsibleModule(
        argument_spec=dict(
            keys=dict(type="list", elements="str", default=[], no_log=False),
            tokens=dict(type="list", elements="str", required=True),
            bootloader=dict(type="str", choices=["grub", "grubby", "none"], default="grub"),
            grub_file=dict(type="path", default="/etc/default/grub"),
            grubby_command=dict(type="path", default="grubby"),
            proc_cmdline=dict(type="path", default="/proc/cmdline"),
        ),
        supports_check_mode=True,
    )
    p = module.params
    tokens = [t for t in p["tokens"] if t]
    keys = set(p["keys"]) | set(key(t) for t in tokens)
    changed, cmdline, diff = False, None, None
    if p["bootloader"] in ("grub", "grubby"):
        if not os.path.isfile(p["grub_file"]):
            module.fail_json(msg="%s does not exist: set kernel_cmdline_bootloader=none on hosts without GRUB" % p["grub_file"])
        changed, cmdline, diff = edit_grub(module, p["grub_file"], keys, tokens)
    if p["bootloader"] == "grubby":
        grubby = module.get_bin_path(p["grubby_command"], required=True) if "/" not in p["grubby_command"] else p["grubby_command"]
        changed = edit_grubby(module, grubby, keys, tokens) or changed
    with open(p["proc_cmdline"]) as f:
        running = f.read().split()
    reboot = [t for t in running if key(t) in keys] != tokens
    result = dict(changed=changed, cmdline=cmdline, reboot_required=reboot, tokens=tokens,
                  persisted=p["bootloader"] != "none")
    if diff is not None:
        result["diff"] = diff
    module.exit_json(**result)


if __name__ == "__main__":
    main()
