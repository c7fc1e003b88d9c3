"""Writes a directory tree as a newc cpio archive to stdout, reproducibly: sorted paths, inode
numbers in that order, owner root, the mtimes found on disk (the build sets them to 0)."""
import os
import stat
import sys

root = sys.argv[1]
out = sys.stdout.buffer


def header(name, mode, size, ino, nlink, mtime, devmajor=0, devminor=0):
    fields = [ino, mode, 0, 0, nlink, mtime, size, 0, 0, devmajor, devminor, len(name) + 1, 0]
    h = b"070701" + b"".join(b"%08X" % f for f in fields)
    h += name.encode() + b"\0"
    h += b"\0" * ((4 - len(h) % 4) % 4)
    return h


def pad(n):
    return b"\0" * ((4 - n % 4) % 4)


paths = []
for dirpath, dirnames, filenames in os.walk(root):
    dirnames.sort()
    for name in dirnames + sorted(filenames):
        paths.append(os.path.join(dirpath, name))
paths.sort(key=lambda p: os.path.relpath(p, root))

ino = 1
for path in paths:
    rel = os.path.relpath(path, root)
    st = os.lstat(path)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        data = os.readlink(path).encode()
    elif stat.S_ISREG(mode):
        with open(path, "rb") as f:
            data = f.read()
    else:
        data = b""
    out.write(header(rel, mode, len(data), ino, 2 if stat.S_ISDIR(mode) else 1, int(st.st_mtime)))
    out.write(data)
    out.write(pad(len(data)))
    ino += 1
out.write(header("TRAILER!!!", 0, 0, 0, 1, 0))
out.write(b"\0" * 512)
