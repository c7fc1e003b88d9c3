#!/usr/bin/env python3
"""Traffic for the chain end-to-end test, run inside the test's own network namespaces.

  udp_probe.py send --dst 10.2.0.2 --port 5001 --count 50 --tag RUN [--gap 0.02]
  udp_probe.py capture --iface e2e0 --tag RUN --seconds 30 [--expect 50]

send: UDP datagrams whose payload is "mano-e2e <tag> <port> <seq>". capture: raw frames on an interface
(AF_PACKET, so TTL and MACs are seen as they arrived, not as the kernel's socket would report them),
keeping only our payloads; stops after --seconds or when --expect datagrams to port 5001 came, then
prints one JSON object: {"frames": [{"port", "seq", "ttl", "src_mac", "dst_mac"}...]}.
"""
import argparse
import json
import socket
import struct
import sys
import time

ETH_P_ALL = 0x0003


def mac(b):
    return ":".join(f"{x:02x}" for x in b)


def send(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 64)
    for seq in range(args.count):
        s.sendto(f"mano-e2e {args.tag} {args.port} {seq}".encode(), (args.dst, args.port))
        time.sleep(args.gap)


def capture(args):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    s.bind((args.iface, 0))
    s.settimeout(0.2)
    prefix = f"mano-e2e {args.tag} ".encode()
    frames, allowed = [], 0
    deadline = time.time() + args.seconds
    while time.time() < deadline:
        try:
            frame, addr = s.recvfrom(65535)
        except socket.timeout:
            continue
        if addr[2] == socket.PACKET_OUTGOING or len(frame) < 42 or frame[12:14] != b"\x08\x00":
            continue
        ihl = (frame[14] & 0x0F) * 4
        if frame[23] != 17:
            continue
        payload = frame[14 + ihl + 8:]
        if not payload.startswith(prefix):
            continue
        _, _, port, seq = payload.decode().split(" ")
        frames.append({"port": int(port), "seq": int(seq), "ttl": frame[22],
                       "dst_mac": mac(frame[0:6]), "src_mac": mac(frame[6:12])})
        if int(port) == 5001:
            allowed += 1
            if args.expect and allowed >= args.expect:
                deadline = min(deadline, time.time() + 2)  # a little longer, to see denied ones that would trail
    json.dump({"frames": frames}, sys.stdout)
    print()


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    ps = sub.add_parser("send")
    ps.add_argument("--dst", required=True)
    ps.add_argument("--port", type=int, required=True)
    ps.add_argument("--count", type=int, default=1)
    ps.add_argument("--gap", type=float, default=0.02)
    ps.add_argument("--tag", required=True)
    pc = sub.add_parser("capture")
    pc.add_argument("--iface", required=True)
    pc.add_argument("--tag", required=True)
    pc.add_argument("--seconds", type=float, default=30)
    pc.add_argument("--expect", type=int, default=0)
    args = p.parse_args()
    send(args) if args.mode == "send" else capture(args)


if __name__ == "__main__":
    main()
