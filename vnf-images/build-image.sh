#!/usr/bin/env bash
# Builds the VNF VM image: vmlinuz (Debian's cloud kernel) + initrd.img (busybox, virtio modules,
# a jlinked JRE, Debian's DPDK 22.11 libraries and the PMDs the guest uses, the runtime jars, /init).
#
#   build-image.sh <out-dir> <jar or directory of jars>...   (mvn -pl vnf-images -am package calls it)
#
# Reproducible: every file gets mtime 0 and owner root, the cpio archive lists files in sorted order
# with sequential inode numbers, and compression is deterministic. Cached: the inputs (this script,
# the guest files, package versions, the JDK release, the jars' contents) hash to a key; an image
# built for that key under $MANO_IMAGE_CACHE is reused without rebuilding.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build-image.sh <out-dir> <jar>...}"
shift
jars=()
for arg in "$@"; do
  if [[ -d "$arg" ]]; then jars+=("$arg"/*.jar); else jars+=("$arg"); fi
done
(( ${#jars[@]} > 0 )) || { echo "build-image: no jars given" >&2; exit 2; }
jdk="${IMAGE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cache_root="${MANO_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mano/vnf-images}"
py=/usr/bin/python3
kernel_pkg=linux-image-cloud-amd64
multiarch=/usr/lib/x86_64-linux-gnu
pmd_dir="$multiarch/dpdk/pmds-23.0"
# The PMDs the guest loads (EAL loads every library in its driver directory, so only these go in):
# buses, ring mempools, net_af_packet (kernel virtio-net interface), net_virtio (virtio-net bound
# to uio_pci_generic), net_ring (idle ports when the VM has no data-plane NIC), net_null (tests).
pmds=(bus_pci bus_vdev mempool_ring mempool_stack net_af_packet net_virtio net_ring net_null)
# Kernel modules (the cloud kernel builds virtio as modules); /init loads them in the dependency
# order the build works out from each module's own depends= list, in one pass.
modules=(virtio virtio_ring virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci virtio_console
         failover net_failover virtio_net uio uio_pci_generic qemu_fw_cfg)
jre_modules=java.base,java.management,jdk.httpserver
# The runtime's JVM options, written to /opt/mano/jvm.options; /init hands them to run-vnf's java
# through JDK_JAVA_OPTIONS. Measured under TCG (README): the AOT cache, trained at build time, loads
# and links the runtime's ~2,300 classes from one mapped file; mapping it where it was dumped
# (ArchiveRelocationMode=0) saves relocating it, which took seconds under TCG. C2 only
# (-TieredCompilation): under TCG with 2 vCPUs, C1-compiled code on the worker lcore died now and
# then of SIGSEGV/SIGILL with the pc inside an instruction (about 1 boot in 4 with the AOT cache; C1
# patches its code while the other vCPU runs it), never in C2-only boots; C2-only also compiles less
# while the runtime starts, and the forwarding loop reaches the same C2 code. No hsperfdata file
# (UsePerfData: nothing reads it in a guest). The AOT code cache is off: it holds adapters generated
# for the build host's CPU (AVX-512 here), which die of SIGILL on the guest's CPU model.
aot_cache=/opt/mano/runtime.aot
jvm_options=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching -XX:-AOTStubCaching
             -XX:ArchiveRelocationMode=0 -XX:-TieredCompilation -XX:-UsePerfData)
# IMAGE_AOT_CACHE=none: no training run, the jlinked JRE's default CDS archive instead, and an image
# that is byte-for-byte reproducible (JDK 25's AOT assembly is not: see README).
aot="${IMAGE_AOT_CACHE:-train}"
[[ "$aot" == train || "$aot" == none ]] || { echo "build-image: IMAGE_AOT_CACHE is train or none" >&2; exit 2; }
# The kernel unpacks the initrd before init runs, under TCG at emulated speed: see README for the measurements.
compression="${IMAGE_COMPRESSION:-lz4}"

need() { command -v "$1" >/dev/null || { echo "build-image: needs $1 ($2)" >&2; exit 2; }; }
need apt-get "Debian's apt, to download $kernel_pkg"
need dpkg-deb dpkg
need lz4 "apt-get install lz4"
need objcopy binutils
if [[ "$aot" == train ]]; then
  (( EUID == 0 )) || { echo "build-image: the AOT training run needs root (namespaces, chroot); IMAGE_AOT_CACHE=none builds without it" >&2; exit 2; }
  need unshare util-linux
fi
[[ -x /bin/busybox ]] || { echo "build-image: needs busybox-static" >&2; exit 2; }
[[ -x "$jdk/bin/jlink" ]] || { echo "build-image: no JDK 25 at $jdk (jlink)" >&2; exit 2; }
[[ -e "$multiarch/librte_eal.so.23" ]] || { echo "build-image: needs Debian's DPDK 22.11 (apt-get install dpdk)" >&2; exit 2; }

kernel_version="$(apt-cache policy "$kernel_pkg" | awk '/Candidate:/ {print $2}')"
[[ -n "$kernel_version" && "$kernel_version" != "(none)" ]] || { echo "build-image: apt knows no $kernel_pkg" >&2; exit 2; }

jar_digest() { "$py" - "$@" <<'PY'
import hashlib, sys, zipfile
h = hashlib.sha256()
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            h.update(name.encode()); h.update(z.read(name))
print(h.hexdigest())
PY
}
key="$( {
  cat "$0" "$here"/image/*
  echo "kernel $kernel_version compression $compression aot $aot jvm ${jvm_options[*]}"
  dpkg-query -W -f='${Package} ${Version}\n' librte-eal23 busybox-static libc6
  cat "$jdk/release"
  jar_digest "${jars[@]}"
} | sha256sum | cut -c1-16)"
cached="$cache_root/$key"
mkdir -p "$out"
if [[ -s "$cached/initrd.img" && -s "$cached/vmlinuz" ]]; then
  echo "build-image: inputs unchanged (key $key), reusing $cached"
else
  started=$(date +%s)
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  root="$work/root"
  mkdir -p "$root"/{bin,dev,proc,sys,tmp,run,etc,opt/mano/lib,lib/modules,usr/lib/x86_64-linux-gnu,lib64,var/run}
  ln -s ../usr/lib/x86_64-linux-gnu "$root/lib/x86_64-linux-gnu"

  # Kernel: the meta package names the versioned one; both unpacked, never installed.
  (cd "$work" && apt-get download -q "$kernel_pkg" >/dev/null 2>&1 || apt-get download "$kernel_pkg")
  kernel_dep="$(dpkg-deb -f "$work"/${kernel_pkg}_*.deb Depends | tr ',' '\n' | grep -o 'linux-image-[^ ]*' | head -1)"
  (cd "$work" && apt-get download -q "$kernel_dep" >/dev/null 2>&1 || apt-get download "$kernel_dep")
  dpkg-deb -x "$work"/${kernel_dep}_*.deb "$work/kernel"
  kver="$(ls "$work/kernel/lib/modules")"
  for m in "${modules[@]}"; do
    f="$(find "$work/kernel/lib/modules/$kver" -name "$m.ko" | head -1)"
    [[ -n "$f" ]] || { echo "build-image: module $m not in $kernel_dep" >&2; exit 2; }
    cp "$f" "$root/lib/modules/"
  done
  # Dependencies first (depth-first over each module's modinfo depends=): a failed insmod costs a
  # read and relocation of the module under TCG, and the earlier order needed a second pass.
  declare -A placed=()
  order=()
  place() {
    local m="$1" dep
    [[ -n "${placed[$m]:-}" ]] && return
    [[ -e "$root/lib/modules/$m.ko" ]] || { echo "build-image: a listed module needs $m, which is not in the list" >&2; exit 2; }
    placed[$m]=1
    for dep in $(objcopy -O binary -j .modinfo "$root/lib/modules/$m.ko" /dev/stdout | tr '\0' '\n' | sed -n 's/^depends=//p' | tr ',' ' '); do
      place "$dep"
    done
    order+=("$m")
  }
  for m in "${modules[@]}"; do place "$m"; done
  printf '%s\n' "${order[@]}" > "$root/lib/modules/load-order"

  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$root/bin/$applet"
  done
  ln -s bin "$root/sbin"

  # JRE: only the modules the runtime uses (jdeps). The AOT cache holds the JDK's classes too, so the
  # default CDS archives (28 MB the kernel would unpack) are left out unless there is no AOT cache.
  cds=(); [[ "$aot" == none ]] && cds=(--generate-cds-archive)
  "$jdk/bin/jlink" --add-modules "$jre_modules" --strip-debug --no-man-pages --no-header-files \
    "${cds[@]}" --output "$root/opt/jre" > "$work/jlink.log" 2>&1 || { cat "$work/jlink.log" >&2; exit 1; }
  cp "${jars[@]}" "$root/opt/mano/lib/"

  # DPDK: the libraries the bindings open, the chosen PMDs, and the closure of their dependencies.
  mkdir -p "$root$pmd_dir"
  # EAL loads files named *.so or *.so.23.0 from its driver directory. As in Debian's packages, a
  # driver's one real file is there and the library directory links to it: a second copy would be a
  # second object to the dynamic loader and register its driver twice.
  add_pmd() {
    local base="$1"
    [[ -e "$root$pmd_dir/$base.23.0" ]] && return
    cp "$pmd_dir/$base.23.0" "$root$pmd_dir/$base.23.0"
    ln -s "$base.23.0" "$root$pmd_dir/$base.23"
    ln -s "dpdk/pmds-23.0/$base.23" "$root/usr/lib/x86_64-linux-gnu/$base.23"
  }
  for p in "${pmds[@]}"; do add_pmd "librte_$p.so"; done
  objects=("$root$pmd_dir"/*.so.23.0 "$root/opt/jre/bin/java" "$root"/opt/jre/lib/*.so "$root"/opt/jre/lib/server/*.so)
  for lib in eal ethdev mbuf mempool ring net_ring; do objects+=("$multiarch/librte_$lib.so.23"); done
  declare -A seen=()
  queue=("${objects[@]}")
  while (( ${#queue[@]} > 0 )); do
    obj="${queue[0]}"; queue=("${queue[@]:1}")
    while read -r dep; do
      [[ -n "$dep" && -z "${seen[$dep]:-}" ]] || continue
      seen[$dep]=1
      queue+=("$dep")
    done < <(ldd "$obj" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}')
  done
  for lib in "${!seen[@]}" "$multiarch"/librte_{eal,ethdev,mbuf,mempool,ring,net_ring}.so.23; do
    real="$(readlink -f "$lib")"
    if [[ "$real" == "$root"/* ]]; then
      continue   # the JRE's own libraries (found through its $ORIGIN run path) stay where they are
    elif [[ "$real" == "$pmd_dir"/* ]]; then
      add_pmd "$(basename "$real" .23.0)"
    elif [[ ! -e "$root/usr/lib/x86_64-linux-gnu/$(basename "$lib")" ]]; then
      cp -L "$lib" "$root/usr/lib/x86_64-linux-gnu/$(basename "$lib")"
    fi
  done
  # glibc dlopens libgcc_s for pthread_cancel (EAL's cleanup cancels its threads): ldd cannot see that.
  cp -L "$multiarch/libgcc_s.so.1" "$root/usr/lib/x86_64-linux-gnu/libgcc_s.so.1"
  cp -L /lib64/ld-linux-x86-64.so.2 "$root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"
  ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"

  install -m 0755 "$here/image/init" "$root/init"
  install -m 0755 "$here/image/run-vnf" "$root/bin/run-vnf"
  aot_options=(); [[ "$aot" == train ]] && aot_options=("-XX:AOTCache=$aot_cache")
  printf '%s\n' "${jvm_options[@]}" "${aot_options[@]}" > "$root/opt/mano/jvm.options"
  echo "$kver" > "$root/etc/kernel-release"
  # Stripping debug symbols from the native libraries: about a third of their size.
  find "$root/usr/lib" "$root/opt/jre/lib" -name '*.so*' -type f -exec strip --strip-debug {} + 2>/dev/null || true

  find "$root" -exec touch -h -d @0 {} +
  if [[ "$aot" == train ]]; then
    # The cache records the jars' sizes and mtimes, so it is trained on the finished tree.
    "$py" "$here/image/train-aot.py" "$root" "$aot_cache" > "$work/train-aot.log" 2>&1 \
      || { cat "$work/train-aot.log" >&2; exit 1; }
    touch -h -d @0 "$root$aot_cache"
  fi
  mkdir -p "$work/img"
  cp "$work/kernel/boot/vmlinuz-$kver" "$work/img/vmlinuz"
  "$py" "$here/image/newc.py" "$root" > "$work/initrd.cpio"
  case "$compression" in
    none) mv "$work/initrd.cpio" "$work/img/initrd.img" ;;
    lz4) lz4 -q -l -9 "$work/initrd.cpio" "$work/img/initrd.img" ;;
    zstd) zstd -q -T1 -10 "$work/initrd.cpio" -o "$work/img/initrd.img" ;;
    *) echo "build-image: IMAGE_COMPRESSION is none, lz4 or zstd" >&2; exit 2 ;;
  esac
  mkdir -p "$cache_root"
  rm -rf "$cached.tmp" && mv "$work/img" "$cached.tmp" && rm -rf "$cached" && mv "$cached.tmp" "$cached"
  echo "build-image: built in $(( $(date +%s) - started )) s (key $key)"
fi
cp "$cached/vmlinuz" "$cached/initrd.img" "$out/"
echo "$key" > "$out/image.key"
bytes=$(( $(stat -c %s "$out/vmlinuz") + $(stat -c %s "$out/initrd.img") ))
echo "build-image: $out/vmlinuz + initrd.img = $(( (bytes + 1048575) / 1048576 )) MB (kernel $(stat -c %s "$out/vmlinuz") B, initrd $(stat -c %s "$out/initrd.img") B)"
