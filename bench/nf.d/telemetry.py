#!/usr/bin/python3
"""Prints a port's transmitted packet count read through a DPDK process's telemetry socket.

usage: telemetry.py <file-prefix> <port id>
Works for any DPDK application (l3fwd and the Java runtime alike), so every figure of bench/nf comes
from the same counter: packets the forwarding core handed to the output port.
"""
import json
import socket
import sys

path = "/var/run/dpdk/%s/dpdk_telemetry.v2" % sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
s.connect(path)
json.loads(s.recv(4096).decode())
s.send(("/ethdev/stats,%s" % sys.argv[2]).encode())
reply = json.loads(s.recv(65536).decode())
print(reply["/ethdev/stats"]["opackets"])
