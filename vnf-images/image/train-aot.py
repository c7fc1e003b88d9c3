"""Training run for the runtime's AOT cache (JDK 25, JEP 483/514/515), at image build time, on the host.

    train-aot.py <image root> <cache path inside the root, e.g. /opt/mano/runtime.aot>

Runs the image's own /bin/run-vnf, chrooted into the image root, with the JVM options /init gives
it (/opt/mano/jvm.options, through JDK_JAVA_OPTIONS) except that -XX:AOTCache= becomes
-XX:AOTCacheOutput=: the same JRE, jars, class path and JVM flags as in the guest, so the guest's JVM
can map the cache. It plays the VNFM on the agent channel (a pty where the guest has its
virtio-serial port): waits for the hello and a heartbeat, then sends shutdown, which makes the
runtime exit 0 and the JVM write the cache.

Isolation, so that nothing but the cache lands in the image: private mount, network and PID
namespaces (only lo: run-vnf finds no eth* and gives the VNF two net_ring ports, as in a VM without
a data-plane NIC); tmpfs on /run, /var/run, /tmp and /dev; nr_hugepages reads 0 so run-vnf uses
--no-huge and the host's hugepages stay untouched. Needs root (namespaces, chroot).
"""
import os
import pty
import select
import subprocess
import sys
import time
import tty

root, cache = os.path.abspath(sys.argv[1]), sys.argv[2]
deadline = time.monotonic() + 300

with open(f"{root}/opt/mano/jvm.options") as f:
    options = [o.replace("-XX:AOTCache=", "-XX:AOTCacheOutput=") for o in f.read().split()]
if f"-XX:AOTCacheOutput={cache}" not in options:
    sys.exit(f"train-aot: /opt/mano/jvm.options does not name -XX:AOTCache={cache}")

master, slave = pty.openpty()
tty.setraw(slave)
slave_path = os.ttyname(slave)

# Runs as root in the new namespaces, before the chroot.
setup = f"""
set -e
r='{root}'
mount -t proc proc "$r/proc"
mount -t sysfs sys "$r/sys"
for d in dev run var/run tmp; do mount -t tmpfs -o mode=0755 tmp "$r/$d"; done
mknod -m 666 "$r/dev/null" c 1 3; mknod -m 666 "$r/dev/zero" c 1 5
mknod -m 666 "$r/dev/random" c 1 8; mknod -m 666 "$r/dev/urandom" c 1 9
mkdir -p "$r/dev/virtio-ports" "$r/dev/shm"
touch "$r/dev/virtio-ports/org.mano.agent.0"
mount --bind '{slave_path}' "$r/dev/virtio-ports/org.mano.agent.0"
echo 0 > "$r/tmp/nr_hugepages"
mount --bind "$r/tmp/nr_hugepages" "$r/proc/sys/vm/nr_hugepages"
ip link set lo up
exec chroot "$r" /bin/env -i PATH=/bin JDK_JAVA_OPTIONS="$TRAINING_JDK_JAVA_OPTIONS" /bin/run-vnf
"""
proc = subprocess.Popen(["unshare", "--kill-child", "--mount", "--net", "--pid", "--fork", "--propagation", "private",
                         "/bin/sh", "-c", setup],
                        env={"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
                             "TRAINING_JDK_JAVA_OPTIONS": " ".join(options)}, stdin=subprocess.DEVNULL)


def lines():
    buf = b""
    while time.monotonic() < deadline and proc.poll() is None:
        ready, _, _ = select.select([master], [], [], 1)
        if not ready:
            continue
        buf += os.read(master, 65536)
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line.decode(errors="replace")


seen = []
for line in lines():
    op = line.split('"op":"', 1)[1].split('"', 1)[0] if '"op":"' in line else "?"
    seen.append(op)
    print(f"train-aot: agent said {op}", file=sys.stderr)
    if op == "heartbeat":
        os.write(master, b'{"op":"shutdown"}\n')
        break
try:
    rc = proc.wait(timeout=max(1, deadline - time.monotonic()))
except subprocess.TimeoutExpired:
    proc.kill()
    sys.exit(f"train-aot: the runtime did not stop within the deadline (agent said {seen})")
if rc != 0 or seen[:1] != ["hello"]:
    sys.exit(f"train-aot: the training run failed (exit {rc}, agent said {seen})")
if not os.path.exists(root + cache) or not os.path.getsize(root + cache):
    sys.exit(f"train-aot: no AOT cache at {cache}")
