import type { ChainView } from './nsInstance';

const nodeW = 170;
const nodeH = 78;
const gap = 130;

/** The chain as a left-to-right graph: VNFs as boxes with state/host/cell, links labelled with their realised path. */
export function ChainGraph({ chain }: { chain: ChainView }) {
  const x = (i: number) => 20 + i * (nodeW + gap);
  const index = new Map(chain.vnfs.map((v, i) => [v.id, i]));
  const width = Math.max(x(chain.vnfs.length - 1) + nodeW + 20, 300);
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
        const y = 30 + nodeH / 2;
        return (
          <g key={i}>
            <line x1={x1} y1={y} x2={x2 - 2} y2={y} stroke="#475569" strokeWidth={2} markerEnd="url(#arrow)" />
            <text x={(x1 + x2) / 2} y={y - 8} textAnchor="middle" className="link-label">{l.path ?? 'not wired'}</text>
          </g>
        );
      })}
      {chain.vnfs.map((v, i) => (
        <g key={v.id} transform={`translate(${x(i)},30)`}>
          <rect width={nodeW} height={nodeH} rx={8} className={`vnf-node ${v.state === 'STARTED' || v.state === 'RUNNING' ? 'ok' : v.state ? 'other' : ''}`} />
          <text x={10} y={22} className="vnf-name">{v.name}</text>
          <text x={10} y={42} className="vnf-meta">{v.state ?? 'not instantiated'}</text>
          <text x={10} y={62} className="vnf-meta">{v.host ? `${v.host}${v.cell !== undefined ? ` · cell ${v.cell}` : ''}` : 'not placed'}</text>
        </g>
      ))}
    </svg>
  );
}
