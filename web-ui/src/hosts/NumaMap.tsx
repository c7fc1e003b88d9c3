import { freeCapacity, holderColours, pageSizeLabel, type CellView, type HostView } from './topology';

/**
 * One host drawn as NUMA cells: physical cores with their threads (isolated for PMDs or
 * housekeeping; filled with the colour of the VNFC that holds them), hugepage pools as bars,
 * and each PF with its VFs. Free capacity per cell is spelled out in words too.
 */
export function NumaMap({ host, onRefresh }: { host: HostView; onRefresh?: () => void }) {
  const holders = [...new Set([
    ...host.cells.flatMap((c) => c.cores.flatMap((k) => k.threads.map((t) => t.holder))),
    ...host.cells.flatMap((c) => c.pfs.flatMap((pf) => pf.vfs.map((v) => v.holder))),
  ])].filter((h): h is string => Boolean(h)).sort();
  const colours = holderColours(holders);
  const colour = (h: string) => colours.get(h) ?? '#475569';

  return (
    <article className="host" aria-labelledby={`host-${host.id}`} data-testid="host-map">
      <header className="host-head">
        <h3 id={`host-${host.id}`}>{host.name}</h3>
        {host.status && <span className={`badge ${/UNREACHABLE|ERROR|FAILED/.test(host.status) ? 'bad' : 'ok'}`} title={host.statusReason}>{host.status}</span>}
        {host.statusReason && <span className="error-text">{host.statusReason}</span>}
        <span className="muted">
          {host.uri && <code>{host.uri}</code>}
          {host.cpuModel && ` · ${host.cpuModel}`}
          {host.kvm !== undefined && ` · ${host.kvm ? 'KVM' : 'TCG only'}`}
        </span>
        {onRefresh && <button className="link" onClick={onRefresh} aria-label={`Refresh ${host.name} from libvirt`}>Refresh</button>}
      </header>
      {host.cells.length === 0 ? (
        <p className="muted">The host reports no NUMA cells.</p>
      ) : (
        <div className="cells">
          {host.cells.map((cell) => <Cell key={cell.id} cell={cell} colour={colour} />)}
        </div>
      )}
      {host.unplacedPfs.length > 0 && (
        <div className="pfs">
          <h5>NICs on no reported cell</h5>
          {host.unplacedPfs.map((pf) => <Pf key={pf.pciAddress} pf={pf} colour={colour} />)}
        </div>
      )}
      {holders.length > 0 && (
        <ul className="legend" aria-label="VNFCs on this host">
          {holders.map((h) => (
            <li key={h} title={h}><span className="swatch" style={{ background: colour(h) }} />VNFC {shortId(h)}</li>
          ))}
        </ul>
      )}
    </article>
  );
}

type Colour = (holder: string) => string;

function Cell({ cell, colour }: { cell: CellView; colour: Colour }) {
  const free = freeCapacity(cell);
  return (
    <section className="cell" aria-label={`NUMA cell ${cell.id}`} data-testid={`cell-${cell.id}`}>
      <h4>
        Cell {cell.id}
        {cell.memoryKib !== undefined && <span className="muted"> · {(cell.memoryKib / 1024 / 1024).toFixed(1)} GiB</span>}
      </h4>
      <p className="free-summary" data-testid="free-summary">
        Free: {free.freeWholeCores} whole isolated cores ({free.freeIsolatedThreads} threads)
        {cell.pfs.length > 0 && `, ${free.freeVfs} VFs`}
      </p>
      <div className="cores" role="list" aria-label={`Cores of cell ${cell.id}`}>
        {cell.cores.map((core) => (
          <div className="core" role="listitem" key={core.key}>
            {core.threads.map((t) => {
              const label = `CPU ${t.id}: ${t.role}${t.holder ? `, held by ${shortId(t.holder)}${t.purpose ? ` (${t.purpose.toLowerCase()})` : ''}` : ', free'}`;
              return (
                <span key={t.id} className={`cpu ${t.role}${t.holder ? ' held' : ''}`} title={label} aria-label={label}
                  style={t.holder ? { background: colour(t.holder), borderColor: colour(t.holder) } : undefined}>
                  {t.id}
                </span>
              );
            })}
          </div>
        ))}
      </div>
      {cell.pools.length > 0 && (
        <div className="pools">
          {cell.pools.map((p) => {
            const used = p.total - p.free;
            return (
              <div className="pool" key={p.pageSizeKib}>
                <span className="pool-label">{pageSizeLabel(p.pageSizeKib)} pages</span>
                <meter min={0} max={Math.max(p.total, 1)} value={used} aria-label={`${pageSizeLabel(p.pageSizeKib)} pages used`}
                  title={`${used} of ${p.total} used`} />
                <span className="pool-numbers">{p.free} free / {p.total}</span>
              </div>
            );
          })}
        </div>
      )}
      {cell.pfs.length > 0 && (
        <div className="pfs">
          {cell.pfs.map((pf) => <Pf key={pf.pciAddress} pf={pf} colour={colour} />)}
        </div>
      )}
    </section>
  );
}

function Pf({ pf, colour }: { pf: CellView['pfs'][number]; colour: Colour }) {
  return (
    <div className="pf">
      <span className="pf-name">
        <code>{pf.netdev ?? pf.pciAddress}</code>
        {pf.physicalNetwork && <span className="tag">{pf.physicalNetwork}</span>}
      </span>
      <span className="vfs" role="list" aria-label={`VFs of ${pf.netdev ?? pf.pciAddress}`}>
        {pf.vfs.length === 0 && <span className="muted">no VFs</span>}
        {pf.vfs.map((vf) => {
          const label = `VF ${vf.index} (${vf.pciAddress})${vf.holder ? `, held by ${shortId(vf.holder)}` : ', free'}`;
          return (
            <span key={vf.pciAddress} role="listitem" className={`vf${vf.holder ? ' held' : ''}`} title={label} aria-label={label}
              style={vf.holder ? { background: colour(vf.holder) } : undefined} />
          );
        })}
      </span>
    </div>
  );
}

/** VNFC ids are UUIDs: the first block is enough to tell them apart on one host. */
export function shortId(id: string): string {
  return /^[0-9a-f]{8}-[0-9a-f-]{27}$/i.test(id) ? id.slice(0, 8) : id;
}

export function Legend() {
  return (
    <ul className="legend key" aria-label="Legend">
      <li><span className="cpu isolated sample" />isolated, free (PMD capacity)</li>
      <li><span className="cpu housekeeping sample" />housekeeping</li>
      <li><span className="cpu isolated held sample" style={{ background: '#2563eb' }} />held by a VNFC (colour per VNFC)</li>
      <li><span className="vf sample" />VF free</li>
    </ul>
  );
}
