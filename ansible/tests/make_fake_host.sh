#!/usr/bin/env bash
# Builds a fake host under $1: a sysfs tree with 2 NUMA cells x 2 cores x 2 threads,
# an SR-IOV PF (enp1s0f0, 0000:01:00.0, up to 8 VFs) and a second NIC
# (0000:02:00.0) bound to ixgbe, a GRUB defaults file, a /proc/cmdline, a copy of
# libvirt's configuration, and fake update-grub and ip commands. Roles point at it
# through their *_root/*_file variables: the same tasks, a different root.
set -euo pipefail
F=$1
S=$F/sys
mkdir -p "$S/devices/system/cpu" "$S/bus/pci/devices" "$S/bus/pci/drivers" "$S/class/net" \
         "$F/etc/default" "$F/etc/libvirt" "$F/proc" "$F/bin" "$F/run"
echo 0-7 > "$S/devices/system/cpu/online"
echo > "$S/devices/system/cpu/isolated"
for cpu in 0 1 2 3 4 5 6 7; do
  mkdir -p "$S/devices/system/cpu/cpu$cpu/topology"
  # cpu N and N+2 share a physical core, within the same cell (0-3 on node0, 4-7 on node1)
  base=$(( cpu / 4 * 4 )); core=$(( cpu % 2 ))
  echo "$((base + core)),$((base + core + 2))" > "$S/devices/system/cpu/cpu$cpu/topology/thread_siblings_list"
done
for node in 0 1; do
  d=$S/devices/system/node/node$node
  mkdir -p "$d"
  echo "$((node * 4))-$((node * 4 + 3))" > "$d/cpulist"
  for size in 2048 1048576; do
    mkdir -p "$d/hugepages/hugepages-${size}kB"
    echo 0 > "$d/hugepages/hugepages-${size}kB/nr_hugepages"
    echo 0 > "$d/hugepages/hugepages-${size}kB/free_hugepages"
  done
done
for drv in ixgbe vfio-pci; do
  mkdir -p "$S/bus/pci/drivers/$drv"; : > "$S/bus/pci/drivers/$drv/bind"; : > "$S/bus/pci/drivers/$drv/unbind"
done
: > "$S/bus/pci/drivers_probe"
pci() { # address numa_node
  local dev=$S/devices/pci0000:00/$1
  mkdir -p "$dev"
  echo "$2" > "$dev/numa_node"
  echo "(null)" > "$dev/driver_override"
  ln -s "../../../devices/pci0000:00/$1" "$S/bus/pci/devices/$1"
  ln -s "../../../bus/pci/drivers/ixgbe" "$dev/driver"
}
pci 0000:01:00.0 0
echo 8 > "$S/devices/pci0000:00/0000:01:00.0/sriov_totalvfs"
echo 0 > "$S/devices/pci0000:00/0000:01:00.0/sriov_numvfs"
mkdir -p "$S/devices/pci0000:00/0000:01:00.0/net/enp1s0f0"
ln -s "../../../0000:01:00.0" "$S/devices/pci0000:00/0000:01:00.0/net/enp1s0f0/device"
ln -s "../../devices/pci0000:00/0000:01:00.0/net/enp1s0f0" "$S/class/net/enp1s0f0"
pci 0000:02:00.0 1

cat > "$F/etc/default/grub" <<'GRUB'
# If you change this file, run 'update-grub' afterwards to update
# /boot/grub/grub.cfg.
GRUB_DEFAULT=0
GRUB_TIMEOUT=5
GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`
GRUB_CMDLINE_LINUX_DEFAULT="quiet"
GRUB_CMDLINE_LINUX="console=ttyS0,115200"
GRUB
echo "BOOT_IMAGE=/boot/vmlinuz root=/dev/vda1 ro console=ttyS0,115200 quiet" > "$F/proc/cmdline"
cp /etc/libvirt/qemu.conf /etc/libvirt/libvirtd.conf "$F/etc/libvirt/"
: > "$F/etc/fstab"

cat > "$F/bin/update-grub" <<'SH'
#!/bin/sh
# Stands in for update-grub: records the call so the test can count regenerations.
echo "update-grub $*" >> "$(dirname "$0")/../update-grub.calls"
SH
chmod +x "$F/bin/update-grub"
cp "$(dirname "$0")/fake_ip.py" "$F/bin/ip"
chmod +x "$F/bin/ip"
