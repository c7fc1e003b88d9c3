#!/usr/bin/python3
"""Sends frames (hex, one per line on stdin) into one interface and prints, in hex, the frames that come
out of another one carrying the marker, until `count` arrived or the timeout passed.
usage: inject_and_capture.py <in-iface> <out-iface> <count> <marker-hex> <timeout-seconds>"""
import sys
import time
from scapy.all import AsyncSniffer, sendp, conf

conf.verb = 0
in_iface, out_iface, count, marker, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3]), bytes.fromhex(sys.argv[4]), float(sys.argv[5])
frames = [bytes.fromhex(line.strip()) for line in sys.stdin if line.strip()]
sniffer = AsyncSniffer(iface=out_iface, lfilter=lambda p: marker in bytes(p), count=count, timeout=timeout, store=True)
sniffer.start()
time.sleep(0.5)
for frame in frames:
    sendp(frame, iface=in_iface)
sniffer.join()
for packet in sniffer.results or []:
    print(bytes(packet).hex())
