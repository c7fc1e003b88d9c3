# Starts the host services the platform uses, and stops what it started. Sourced by up.sh and test.sh.
#   start_libvirt        virtlogd + libvirtd without systemd when they are not running
#   reserve_hugepages N  N x 2 MB pages on the running kernel, hugetlbfs mounted at /dev/hugepages
#   mount_hugetlbfs      hugetlbfs at /dev/hugepages (before libvirtd starts, or it never sees it)
#   stop_host_services   undoes exactly what the ones above changed
STARTED_DAEMONS=()
HUGEPAGES_BEFORE=""
MOUNTED_HUGETLBFS=""

start_libvirt() {
  for d in virtlogd libvirtd; do
    if ! pgrep -x "$d" >/dev/null; then
      say "starting $d"
      as_root "$d" -d
      STARTED_DAEMONS+=("$d")
    fi
  done
  for _ in $(seq 50); do
    virsh -c qemu:///system version >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "libvirtd did not answer on qemu:///system"
}

reserve_hugepages() {
  local want=$1 nr=/proc/sys/vm/nr_hugepages
  HUGEPAGES_BEFORE=$(cat $nr)
  if [ "$HUGEPAGES_BEFORE" -lt "$want" ]; then
    say "reserving $want x 2 MB hugepages (was $HUGEPAGES_BEFORE)"
    echo "$want" | as_root tee $nr >/dev/null
  fi
  [ "$(cat $nr)" -ge "$want" ] || say "only $(cat $nr) hugepages could be reserved; tests that need more skip"
  mount_hugetlbfs
}

# libvirtd finds hugetlbfs mounts only when it starts: call this before start_libvirt.
mount_hugetlbfs() {
  if ! mountpoint -q /dev/hugepages; then
    as_root mkdir -p /dev/hugepages
    as_root mount -t hugetlbfs nodev /dev/hugepages
    MOUNTED_HUGETLBFS=yes
  fi
}

stop_host_services() {
  for d in "${STARTED_DAEMONS[@]}"; do
    say "stopping $d"
    as_root pkill -x "$d" || true
  done
  STARTED_DAEMONS=()
  if [ -n "$MOUNTED_HUGETLBFS" ]; then
    as_root rm -f /dev/hugepages/* 2>/dev/null || true
    as_root umount /dev/hugepages || true
    MOUNTED_HUGETLBFS=""
  fi
  if [ -n "$HUGEPAGES_BEFORE" ]; then
    echo "$HUGEPAGES_BEFORE" | as_root tee /proc/sys/vm/nr_hugepages >/dev/null
    HUGEPAGES_BEFORE=""
  fi
}
