#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Writes one sysfs attribute when its value differs.

copy/template cannot write sysfs (they write a temp file and rename it), and a
shell `echo` cannot tell whether it changed anything. This reads first, writes in
place only when needed, and reads back, so runs are idempotent and check mode is
honest.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: sysfs_attr
short_description: Set a sysfs attribute idempotently
options:
  path:
    description: The attribute file.
    type: path
    required: true
  value:
    description: The wanted value (compared after stripping whitespace).
    type: str
    required: true
  zero_first:
    description:
      - Write C(0) before a new non-zero value when the current value is non-zero,
        as the kernel requires for C(sriov_numvfs).
    type: bool
    default: false
  verify:
    description: Read the value back after writing and fail if it differs (e.g. too few hugepages could be reserved).
    type: bool
    default: true
author: mano
"""

EXAMPLES = r"""
- name: Reserve 512 2 MB pages on node 0
  sysfs_attr:
    path: /sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages
    value: "512"
"""

RETURN = r"""
previous:
  description: The value before the task ran.
  type: str
  returned: always
"""

import errno
import os

from ansible.module_utils.basic import AnsibleModule


def read(path):
    with open(path) as f:
        return f.read().strip()


def write(path, value):
    # No O_CREAT and no truncation games: sysfs attributes exist or the write is wrong.
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        os.write(fd, (value + "\n").encode())
    finally:
        os.close(fd)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type="path", required=True),
            value=dict(type="str", required=True),
            zero_first=dict(type="bool", default=False),
            verify=dict(type="bool", default=True),
        ),
        supports_check_mode=True,
    )
    path = module.params["path"]
    wanted = module.params["value"].strip()
    if not os.path.exists(path):
        module.fail_json(msg="%s does not exist" % path)
    current = read(path)
    result = dict(changed=current != wanted, previous=current, path=path,
                  diff=dict(before=current + "\n", after=wanted + "\n", before_header=path, after_header=path))
    if not result["changed"] or module.check_mode:
        module.exit_json(**result)
    try:
        if module.params["zero_first"] and current not in ("", "0") and wanted != "0":
            write(path, "0")
        write(path, wanted)
    except OSError as e:
        module.fail_json(msg="writing %r to %s failed: %s" % (wanted, path, os.strerror(e.errno) if e.errno else e),
                         errno=errno.errorcode.get(e.errno, ""), **result)
    if module.params["verify"]:
        now = read(path)
        if now != wanted:
            module.fail_json(msg="%s is %r after writing %r" % (path, now, wanted), **result)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
