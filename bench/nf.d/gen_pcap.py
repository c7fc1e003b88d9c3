#!/usr/bin/python3
"""Writes the traffic mixes bench/nf replays (net_pcap infinite_rx): one packet per flow, in flow order.

usage: gen_pcap.py <kind> <flows> <mix> <out.pcap>
  kind: ip   UDP from 10.x.y.z (one source address per flow) to 198.18.1.0/24 port 53
        lb   TCP ACK from 172.16.x.y:port to the VIP 10.0.0.100:80
        gtp  GTP-U uplink from the gNB 192.0.2.10 to the UPF 192.0.2.1: at most 10000 sessions (TEID
             0x1000 + s, UE 10.45.x.y), flows spread over them by inner UDP source port
  mix:  64   every frame 64 bytes (Ethernet header to end of payload, no FCS)
        imix 7:4:1 of 64, 570 and 1518 bytes
No scapy: struct packing is fast enough for 100k packets and has no dependency.
"""
import struct
import sys

GTP_SESSIONS = 10000  # bench/nf installs min(flows, 10000) UPF sessions
ETH = bytes.fromhex("020000000001" "020000000002") + b"\x08\x00"


def checksum(data):
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv4(src, dst, proto, payload):
    header = struct.pack("!BBHHHBBHII", 0x45, 0, 20 + len(payload), 0, 0, 64, proto, 0, src, dst)
    return header[:10] + struct.pack("!H", checksum(header)) + header[12:] + payload


def udp(sport, dport, payload):
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload  # checksum 0: allowed over IPv4


def tcp(src, dst, sport, dport, payload):
    segment = struct.pack("!HHIIBBHHH", sport, dport, 1, 1, 0x50, 0x10, 65535, 0, 0) + payload
    pseudo = struct.pack("!IIBBH", src, dst, 0, 6, len(segment))
    return segment[:16] + struct.pack("!H", checksum(pseudo + segment)) + segment[18:]


def sizes(mix, n):
    if mix == "64":
        return [64] * n
    pattern = [64] * 7 + [570] * 4 + [1518]
    return [pattern[i % len(pattern)] for i in range(n)]


def frame(kind, flow, size):
    if kind == "ip":
        src = (10 << 24) | (1 + flow)
        dst = (198 << 24) | (18 << 16) | (1 << 8) | (1 + flow % 250)
        pad = max(0, size - 14 - 20 - 8)
        return ETH + ipv4(src, dst, 17, udp(1024 + flow % 60000, 53, bytes(pad)))
    if kind == "lb":
        src = (172 << 24) | (16 << 16) | (flow & 0xFFFF)
        dst = (10 << 24) | 100
        pad = max(0, size - 14 - 20 - 20)
        return ETH + ipv4(src, dst, 6, tcp(src, dst, 1024 + flow % 60000, 80, bytes(pad)))
    if kind == "gtp":
        session = flow % GTP_SESSIONS
        ue = (10 << 24) | (45 << 16) | (session + 1)
        pad = max(0, size - 14 - 20 - 8 - 8 - 20 - 8)
        inner = ipv4(ue, (8 << 24) | (8 << 16) | (8 << 8) | 8, 17, udp(4000 + flow // GTP_SESSIONS, 5000, bytes(pad)))
        gtpu = struct.pack("!BBHI", 0x30, 0xFF, len(inner), 0x1000 + session) + inner
        gnb = (192 << 24) | (2 << 8) | 10
        upf = (192 << 24) | (2 << 8) | 1
        return ETH + ipv4(gnb, upf, 17, udp(2152, 2152, gtpu))
    raise SystemExit("unknown kind " + kind)


def main():
    kind, flows, mix, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for flow, size in enumerate(sizes(mix, flows)):
            data = frame(kind, flow, size)
            f.write(struct.pack("<IIII", flow // 1000000, flow % 1000000, len(data), len(data)))
            f.write(data)


if __name__ == "__main__":
    main()
