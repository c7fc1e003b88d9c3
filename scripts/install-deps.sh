#!/usr/bin/env bash
# Installs what the platform needs and is missing, and says what it installs.
#   install-deps.sh up    libvirt + QEMU (the local VIM), Node.js for the UI build
#   install-deps.sh test  the above + DPDK, Ansible, Chromium and the tools the tests drive
set -euo pipefail
source "$(dirname "$0")/lib.sh"

profile=${1:-up}
packages=(libvirt-daemon-system libvirt-clients qemu-system-x86 qemu-utils)
if [ "$profile" = test ]; then
  packages+=(dpdk libdpdk-dev dpdk-dev dpdk-doc pkg-config gcc make libpcap-dev
             ansible ansible-core ansible-lint chromium python3-scapy tcpdump iproute2 busybox-static)
fi
command -v npm >/dev/null || packages+=(nodejs npm)

require_java25
command -v apt-get >/dev/null || die "only Debian/Ubuntu (apt) hosts are supported by this script; install: ${packages[*]}"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
