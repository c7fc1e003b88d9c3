import { pathText, type ChainLink, type ChainSap, type ChainView } from './nsInstance';

const nodeW = 170;
const nodeH = 78;
const gap = 130;
const top = 30;
const sapW = 140;
const sapH = 62;
const sapGap = 50;
/** The colour of a path that is not what its connection points asked for (styles.css --warn). */
const warn = '#b45309';

/**
 * The chain as a left-to-right graph: the ingress access point, the VNFs as boxes with state/host/cell,
 * the egress access point; links labelled with their realised path and the bridge that carries them.
 * A vhost-user link's sockets are in its title; a link or access point that fell back from vhost-user says
 * so under its label (ChainWiring, beside the drawing, says why in full).
 */
export function ChainGraph({ chain }: { chain: ChainView }) {
  const ingress = chain.saps.find((s) => s.side === 'ingress');
  const egress = chain.saps.find((s) => s.side === 'egress');
  const left = 20 + (ingress ? sapW + sapGap : 0);
  const x = (i: number) => left + i * (nodeW + gap);
  const index = new Map(chain.vnfs.map((v, i) => [v.id, i]));
  const last = chain.vnfs.length - 1;
  const egressX = x(last) + nodeW + sapGap;
  const width = Math.max((egress ? egressX + sapW : x(last) + nodeW) + 20, 300);
  const y = top + nodeH / 2;
  return (
    <svg className="chain-graph" role="img" aria-label={`Chain ${chain.name}: ${chain.vnfs.map((v) => v.name).join(' → ')}`}
      viewBox={`0 0 ${width} ${nodeH + 60}`} width={width} height={nodeH + 60} data-testid="chain-graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
          <path d="M0,0 L10,5 L0,10 z" fill="#475569" />
        </marker>
      </defs>
      {chain.links.map((l, i) => {
        const a = index.get(l.from);
        const b = index.get(l.to);
        if (a === undefined || b === undefined) return null;
        const x1 = x(a) + nodeW;
        const x2 = x(b);
        const title = linkTitle(l, chain);
        return (
          <g key={i} data-testid="chain-link">
            {title && <title>{title}</title>}
            <line x1={x1} y1={y} x2={x2 - 2} y2={y} stroke="#475569" strokeWidth={2} markerEnd="url(#arrow)" />
            <text x={(x1 + x2) / 2} y={y - 8} textAnchor="middle" className="link-label">{l.path ?? 'not wired'}</text>
            {l.bridge && (
              <text x={(x1 + x2) / 2} y={y + 18} textAnchor="middle" className="vnf-meta">
                <title>{`bridge ${l.bridge}${l.hosts?.length ? ` on ${l.hosts.join(', ')}` : ''}`}</title>
                {l.bridge}
              </text>
            )}
            {l.fallback && <FellBack x={(x1 + x2) / 2} y={y + 34} link={l} />}
          </g>
        );
      })}
      {ingress && (
        <AccessPoint sap={ingress} at={20}
          wire={[20 + sapW, x(index.get(ingress.vnf ?? '') ?? 0)]} />
      )}
      {egress && chain.vnfs.length > 0 && (
        <AccessPoint sap={egress} at={egressX}
          wire={[x(index.get(egress.vnf ?? '') ?? last) + nodeW, egressX]} />
      )}
      {chain.vnfs.map((v, i) => (
        <g key={v.id} transform={`translate(${x(i)},${top})`}>
          <rect width={nodeW} height={nodeH} rx={8} className={`vnf-node ${v.state === 'STARTED' || v.state === 'RUNNING' ? 'ok' : v.state ? 'other' : ''}`} />
          <text x={10} y={22} className="vnf-name">{v.name}</text>
          <text x={10} y={42} className="vnf-meta">{v.state ?? 'not instantiated'}</text>
          <text x={10} y={62} className="vnf-meta">{v.host ? `${v.host}${v.cell !== undefined ? ` · cell ${v.cell}` : ''}` : 'not placed'}</text>
        </g>
      ))}
    </svg>
  );
}

/** A vhost-user link's title: its chain switch segment and which member's NIC is on which socket. */
function linkTitle(l: ChainLink, chain: ChainView): string | undefined {
  if (!l.switched) return undefined;
  const name = (id: string) => chain.vnfs.find((v) => v.id === id)?.name ?? id;
  const { segment, upstreamSocket, downstreamSocket } = l.switched;
  return [`vhost-user through the chain switch${segment ? ` (segment ${segment})` : ''}${l.hosts?.length ? ` on ${l.hosts.join(', ')}` : ''}`,
    `${name(l.from)}: ${upstreamSocket ?? '?'}`, `${name(l.to)}: ${downstreamSocket ?? '?'}`].join('\n');
}

/** "vhost-user requested" in the warning colour under a path that fell back; the whole reason in its title. */
function FellBack({ x, y, link }: { x: number; y: number; link: { path?: string; fallback?: ChainLink['fallback'] } }) {
  return (
    <text x={x} y={y} textAnchor="middle" className="vnf-meta" style={{ fill: warn, fontSize: 11 }} data-testid="fell-back">
      <title>{pathText(link)}</title>
      {`${link.fallback?.requested} requested`}
    </text>
  );
}

/** Long names are cut to the box; the group's title holds them whole. */
const fit = (s: string, max = 21) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A service access point: where traffic enters or leaves the chain, on its bridge and host. */
function AccessPoint({ sap, at, wire: [x1, x2] }: { sap: ChainSap; at: number; wire: [number, number] }) {
  const y = top + nodeH / 2;
  const hosts = sap.hosts.length > 0 ? sap.hosts.join(', ') : 'no host';
  return (
    <g data-testid={`sap-${sap.side}`}>
      <title>{sap.bridge === undefined && sap.path !== undefined
        ? `${sap.side}: ${sap.path}${sap.physicalNetwork ? ` on ${sap.physicalNetwork}` : ''} at ${hosts}`
        : `${sap.side}: bridge ${sap.bridge ?? '?'} on ${hosts}${sap.network ? ` (libvirt network ${sap.network})` : ''}`}{
        sap.fallback ? `; ${sap.fallback.requested} requested: ${sap.fallback.why}` : ''}</title>
      <line x1={x1} y1={y} x2={x2 - 2} y2={y} stroke="#475569" strokeWidth={2} strokeDasharray="5 3" markerEnd="url(#arrow)" />
      <g transform={`translate(${at},${top + (nodeH - sapH) / 2})`}>
        <rect width={sapW} height={sapH} rx={sapH / 2} fill="#eff6ff" stroke="#1d4ed8" strokeWidth={1.5} strokeDasharray="4 2" />
        <text x={sapW / 2} y={19} textAnchor="middle" className="vnf-name">{sap.side}</text>
        <text x={sapW / 2} y={36} textAnchor="middle" className="vnf-meta">{fit(sap.bridge ?? sap.path ?? 'no bridge')}</text>
        <text x={sapW / 2} y={52} textAnchor="middle" className="vnf-meta">{fit(hosts)}</text>
        {sap.fallback && <FellBack x={sapW / 2} y={sapH + 14} link={{ path: sap.path ?? 'tap/bridge', fallback: sap.fallback }} />}
      </g>
    </g>
  );
}
