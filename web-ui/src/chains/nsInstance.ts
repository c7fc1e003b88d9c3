/**
 * SOL005 NsInstance, read tolerantly into what the chain view draws: the VNFs in chain order
 * with state, host and cell, the links between them with their realised path, and the chain's
 * two service access points (absent on instances recorded before the orchestrator reported them).
 */
export interface ChainView {
  id: string;
  name: string;
  nsdId?: string;
  state: string;
  vnfs: ChainVnf[];
  links: ChainLink[];
  saps: ChainSap[];
}

export interface ChainVnf {
  id: string;
  name: string;
  profile?: string;
  product?: string;
  state?: string;
  host?: string;
  cell?: string;
  aspects: string[];
}

export interface ChainLink {
  from: string;
  to: string;
  /** vhost-user, VF/VLAN, tap … as the orchestrator realised the link */
  path?: string;
  /** The Linux bridge carrying a tap/bridge link; a VF/VLAN link has none (the NIC and the provider network carry it). */
  bridge?: string;
  hosts?: string[];
  /** A vhost-user link the host's chain switch carries: its segment and the socket each end's NIC connects to. */
  switched?: SwitchedPath;
  /** Set when the link is not what its connection points asked for (vhost-user realised as tap/bridge). */
  fallback?: Fallback;
}

/** The chain switch's two sockets of a vhost-user link: upstream is the member before the link, downstream the one after. */
export interface SwitchedPath {
  segment?: string;
  upstreamSocket?: string;
  downstreamSocket?: string;
}

/** What the connection points asked for (as a person reads it) and why the orchestrator made something else. */
export interface Fallback {
  requested: string;
  why: string;
}

/** Where traffic enters (ingress, before the first VNF) or leaves (egress, after the last) the chain. */
export interface ChainSap {
  side: 'ingress' | 'egress';
  /** The VNF (instance id) it attaches to, when the document names one that is a member. */
  vnf?: string;
  bridge?: string;
  network?: string;
  /** For an access point on VFs: its VLAN as a person reads it (VF/VLAN n), and the physical network. */
  path?: string;
  physicalNetwork?: string;
  hosts: string[];
  /** Set when the member's CP asked for vhost-user: an access point is a bridge, so it fell back. */
  fallback?: Fallback;
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] => arr(v).map((x) => text(x)).filter((x): x is string => x !== undefined);

export function toChainView(raw: unknown): ChainView {
  const ns = obj(raw);
  const members = arr(ns.vnfInstance ?? ns.vnfInstances).map(obj)
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  const vnfs: ChainVnf[] = members.map((vnf) => {
    const info = obj(vnf.instantiatedVnfInfo);
    const placement = obj(vnf.placement ?? obj(vnf.extensions).placement ?? obj(vnf.metadata).placement);
    // The orchestrator's member view lists VNFCs with host and cell; SOL005 proper nests them in instantiatedVnfInfo.
    const firstVnfc = obj(arr(vnf.vnfcs)[0] ?? arr(info.vnfcResourceInfo)[0]);
    const compute = obj(firstVnfc.computeResource);
    const hosts = [...new Set(arr(vnf.vnfcs).map((c) => text(obj(c).host)).filter(Boolean))];
    return {
      id: text(vnf.vnfInstanceId) ?? text(vnf.id) ?? '?',
      name: text(vnf.vnfInstanceName) ?? text(vnf.vnfProfileId) ?? text(vnf.vnfProductName) ?? text(vnf.vnfdId) ?? text(vnf.id) ?? '?',
      profile: text(vnf.vnfProfileId),
      product: text(vnf.vnfProductName),
      state: text(firstVnfc.state) ?? text(info.vnfState) ?? text(vnf.instantiationState),
      host: hosts.length > 1 ? hosts.join(', ') : text(placement.host) ?? text(placement.hostName) ?? text(firstVnfc.host) ?? text(compute.vimConnectionId) ?? text(obj(firstVnfc.metadata).host),
      cell: text(placement.cell) ?? text(placement.cellId) ?? text(firstVnfc.cell) ?? text(obj(firstVnfc.metadata).cell),
      aspects: arr(info.scaleStatus).map((s) => text(obj(s).aspectId)).filter((a): a is string => Boolean(a)),
    };
  });
  const byId = new Map(vnfs.map((v) => [v.id, v]));
  // A link names its ends by member (VNF profile) or by VNF instance id.
  const member = (end: string | undefined) => vnfs.find((v) => v.id === end || v.profile === end || v.name === end)?.id;
  const resolve = (end: string | undefined) => member(end) ?? end ?? '?';
  const segments = arr(ns.chainLinks ?? ns.links ?? obj(ns.extensions).links).map(obj)
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0));
  // Access points belong in sapInfo; one listed among the links is still an access point, not a hop.
  const isSap = (s: J) => text(s.pathKind) === 'SAP';
  let links: ChainLink[] = segments.filter((s) => !isSap(s)).map((link) => {
    const details = obj(link.details);
    const hosts = strings(details.hosts);
    // Instances recorded before details listed the hosts named each end's host.
    const legacyHosts = [...new Set([text(details.fromHost), text(details.toHost)].filter((h): h is string => Boolean(h)))];
    return {
      from: resolve(text(link.from) ?? text(link.source)),
      to: resolve(text(link.to) ?? text(link.target)),
      path: pathLabel(link),
      bridge: text(details.bridge),
      hosts: hosts.length > 0 ? hosts : legacyHosts.length > 0 ? legacyHosts : undefined,
      switched: switchedPath(link),
      fallback: fallbackOf(details),
    };
  });
  const saps: ChainSap[] = [...arr(ns.sapInfo).map(obj), ...segments.filter(isSap)]
    .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
    .map((sap): ChainSap => {
      const details = obj(sap.details);
      const name = text(sap.name);
      const side = name === 'ingress' || name === 'egress' ? name
        : member(text(sap.to)) !== undefined ? 'ingress' : member(text(sap.from)) !== undefined ? 'egress'
        : Number(sap.position ?? 0) === 0 ? 'ingress' : 'egress';
      return {
        side,
        vnf: member(text(side === 'ingress' ? sap.to : sap.from)),
        bridge: text(details.bridge),
        network: text(details.network),
        path: text(details.path) === 'SRIOV_VLAN' ? pathLabel({ pathKind: 'SRIOV_VLAN', details }) : undefined,
        physicalNetwork: text(details.physicalNetwork),
        hosts: strings(details.hosts),
        fallback: fallbackOf(details, true),
      };
    })
    // One access point per side: the first one listed wins.
    .filter((sap, i, all) => all.findIndex((s) => s.side === sap.side) === i);
  if (links.length === 0) {
    // Without realised links, the forwarding graph's order is still the chain.
    const order = arr(obj(arr(ns.vnffgInfo)[0]).vnfInstanceId).map(text).filter((id): id is string => Boolean(id) && byId.has(id!));
    const chain = order.length > 1 ? order : vnfs.map((v) => v.id);
    links = chain.slice(1).map((to, i) => ({ from: chain[i], to }));
  }
  return {
    id: text(ns.id) ?? '?',
    name: text(ns.nsInstanceName) ?? text(ns.id) ?? '?',
    nsdId: text(ns.nsdId),
    state: text(ns.nsState) ?? 'UNKNOWN',
    vnfs: orderByLinks(vnfs, links),
    links,
    saps,
  };
}

/** VHOST_USER / SRIOV_VLAN / TAP_BRIDGE as a person reads them. */
function pathLabel(link: J): string | undefined {
  const details = obj(link.details);
  const vlan = link.vlan ?? details.vlan;
  const kind = text(link.pathKind) ?? text(link.path) ?? text(link.kind) ?? text(link.type);
  switch (kind) {
    case 'VHOST_USER': return 'vhost-user';
    case 'SRIOV_VLAN': return vlan !== undefined ? `VF/VLAN ${String(vlan)}` : 'VF/VLAN';
    case 'TAP_BRIDGE': return 'tap/bridge';
    case undefined: return vlan !== undefined ? `VF/VLAN ${String(vlan)}` : undefined;
    default: return kind;
  }
}

/** The path as one line a person reads: the label, and what was asked for instead when the link fell back. */
export function pathText(p: { path?: string; fallback?: Fallback }): string {
  const path = p.path ?? 'not wired';
  return p.fallback ? `${path} (${p.fallback.requested} requested: ${p.fallback.why})` : path;
}

function switchedPath(link: J): SwitchedPath | undefined {
  const details = obj(link.details);
  if (text(link.pathKind) !== 'VHOST_USER') return undefined;
  const path = { segment: text(details.switchSegment), upstreamSocket: text(details.upstreamSocket), downstreamSocket: text(details.downstreamSocket) };
  return path.segment || path.upstreamSocket || path.downstreamSocket ? path : undefined;
}

/**
 * A segment's CPs asked for one kind (details.requested) and got another. The orchestrator says why in
 * details.fallback; a segment whose shape could never be a switched pair (an access point on one VNFC, more
 * than two ends, or a virtio end beside the vhost-user one) carries no reason, so it is read off its ends.
 */
function fallbackOf(details: J, accessPoint = false): Fallback | undefined {
  const requested = text(details.requested);
  if (requested === undefined) return undefined;
  const ends = arr(details.ends).map(obj);
  const other = ends.find((e) => text(e.interfaceType) !== undefined && text(e.interfaceType) !== 'vhost-user');
  const why = text(details.fallback)
    ?? (accessPoint ? 'an access point is a bridge an operator plugs into'
      : ends.length > 2 ? `${ends.length} ends; a vhost-user socket joins exactly two NICs`
      : other ? `the ${text(other.node) ?? 'other'} end is ${text(other.interfaceType)}; a vhost-user socket joins two vhost-user NICs`
      : 'no reason recorded');
  return { requested: requested === 'VHOST_USER' ? 'vhost-user' : requested, why };
}

/** Chain order: start at the VNF nothing points to, follow the links; VNFs off the chain go last. */
function orderByLinks(vnfs: ChainVnf[], links: ChainLink[]): ChainVnf[] {
  const targets = new Set(links.map((l) => l.to));
  const next = new Map(links.map((l) => [l.from, l.to]));
  const ordered: ChainVnf[] = [];
  const seen = new Set<string>();
  let at = vnfs.find((v) => !targets.has(v.id) && next.has(v.id))?.id;
  while (at && !seen.has(at)) {
    seen.add(at);
    const vnf = vnfs.find((v) => v.id === at);
    if (vnf) ordered.push(vnf);
    at = next.get(at);
  }
  return [...ordered, ...vnfs.filter((v) => !seen.has(v.id))];
}
