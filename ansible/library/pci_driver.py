#!/usr/bin/python
# -*- coding: utf-8 -*-
"""Binds one PCI device to a driver (vfio-pci) through sysfs driver_override.

driver_override is the kernel's way to bind by address rather than by vendor:device
id, so a second NIC of the same model stays with its kernel driver.
"""
from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: pci_driver
short_description: Bind a PCI device to a driver by address
options:
  sysfs_root:
    description: Where sysfs is mounted (a fake tree in tests).
    type: path
    default: /sys
  address:
    description: Full PCI address, e.g. C(0000:03:00.0).
    type: str
    required: true
  driver:
    description: Driver to bind to.
    type: str
    default: vfio-pci
  bind_timeout:
    description:
      - Seconds to wait for the kernel to bind the device after probing; C(0) skips the wait
        (for fake sysfs trees, where no kernel acts on the writes).
    type: int
    default: 10
author: mano
"""

EXAMPLES = r"""
- name: Give a NIC to DPDK
  pci_driver:
    address: "0000:03:00.0"
"""

RETURN = r"""
previous_driver:
  description: The driver bound before, or null.
  type: str
  returned: always
"""

import os
import time

from ansible.module_utils.basic import AnsibleModule


def read(path, default=""):
    try:
        with open(path) as f:
            return f.read().strip()
    except (IOError, OSError):
        return default


def write(path, value):
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, value.encode())
    finally:
        os.close(fd)


def bound_driver(device):
    link = os.path.join(device, "driver")
    return os.path.basename(os.path.realpath(link)) if os.path.islink(link) else None


def main():
    module = AnsibleModule(
        argument_spec=dict(
            sysfs_root=dict(type="path", default="/sys"),
            address=dict(type="str", required=True),
            driver=dict(type="str", default="vfio-pci"),
            bind_timeout=dict(type="int", default=10),
        ),
        supports_check_mode=True,
    )
    sysfs, address, driver = module.params["sysfs_root"], module.params["address"], module.params["driver"]
    device = os.path.join(sysfs, "bus/pci/devices", address)
    if not os.path.isdir(device):
        module.fail_json(msg="no PCI device %s under %s" % (address, sysfs))
    current = bound_driver(device)
    override = read(os.path.join(device, "driver_override"), "(null)")
    result = dict(changed=current != driver or override != driver, previous_driver=current, address=address)
    if not result["changed"] or module.check_mode:
        module.exit_json(**result)
    if not os.path.isdir(os.path.join(sysfs, "bus/pci/drivers", driver)):
        module.fail_json(msg="driver %s is not loaded (no %s)" % (driver, os.path.join(sysfs, "bus/pci/drivers", driver)), **result)
    write(os.path.join(device, "driver_override"), driver)
    if current != driver:
        if current is not None:
            write(os.path.join(device, "driver", "unbind"), address)
        write(os.path.join(sysfs, "bus/pci/drivers_probe"), address)
        deadline = time.time() + module.params["bind_timeout"]
        while module.params["bind_timeout"] > 0 and bound_driver(device) != driver:
            if time.time() > deadline:
                module.fail_json(msg="%s did not bind to %s (bound: %s); is the IOMMU on?"
                                 % (address, driver, bound_driver(device)), **result)
            time.sleep(0.2)
    module.exit_json(**result)


if __name__ == "__main__":
    main()
