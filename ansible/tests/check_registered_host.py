#!/usr/bin/python3
"""Checks that GET /vim/v1/hosts lists the host the register role sent, with the
topology the orchestrator read through libvirt, and that the CPUs registered as
isolated are marked isolated in that topology.

usage: check_registered_host.py URL ADMIN_PASSWORD HOST_NAME PLAY_LOG
PLAY_LOG is the register role's output; its "as {...}" line is the body it sent."""
import base64
import json
import re
import sys
import urllib.request

url, password, name, log = sys.argv[1:5]
sent = None
for line in open(log):
    m = re.search(r'"msg": "%s (?:registered|updated|already registered) as (\{.*\})"' % re.escape(name), line)
    if m:
        sent = json.loads(json.loads('"%s"' % m.group(1)))
if sent is None:
    sys.exit("the play log has no registration message for %s" % name)

request = urllib.request.Request(url + "/vim/v1/hosts", headers={
    "Authorization": "Basic " + base64.b64encode(("admin:" + password).encode()).decode(),
    "Accept": "application/json"})
hosts = json.load(urllib.request.urlopen(request, timeout=30))
matches = [h for h in hosts if h.get("name") == name]
if len(matches) != 1:
    sys.exit("%d hosts named %s in %s" % (len(matches), name, [h.get("name") for h in hosts]))
host = matches[0]
print(json.dumps({k: host.get(k) for k in ("name", "libvirtUri", "state", "isolatedCpus", "physicalNetworks")}))
problems = []
for key in ("libvirtUri", "isolatedCpus", "physicalNetworks"):
    if host.get(key) != sent[key]:
        problems.append("%s is %r, the role sent %r" % (key, host.get(key), sent[key]))
cells = host.get("cells") or []
cpus = [c for cell in cells for c in cell.get("cpus") or []]
if not cells or not cpus:
    problems.append("no topology: %d cells, %d CPUs" % (len(cells), len(cpus)))


def parse(text):
    out = set()
    for part in filter(None, text.split(",")):
        low, _, high = part.partition("-")
        out.update(range(int(low), int(high or low) + 1))
    return out


isolated = parse(sent["isolatedCpus"])
marked = {c["id"] for c in cpus if c.get("isolated")}
if cpus and marked != isolated:
    problems.append("topology marks CPUs %s isolated, the role registered %s" % (sorted(marked), sorted(isolated)))
print("%d cells, %d CPUs, isolated %s, hugepage pools %s" % (
    len(cells), len(cpus), sorted(marked), [(p.get("pageSizeKib"), p.get("total")) for cell in cells for p in cell.get("hugepages") or []]))
if problems:
    sys.exit("; ".join(problems))
