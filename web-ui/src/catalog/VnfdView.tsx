import type { Epa, VnfdSummary } from './vnfd';

const epaLabels: [keyof Omit<Epa, 'other'>, string][] = [
  ['vcpus', 'vCPUs'],
  ['pmdLcores', 'PMD lcores'],
  ['memory', 'Memory'],
  ['pageSize', 'Page size'],
  ['cpuPolicy', 'CPU policy'],
  ['cpuPinning', 'CPU pinning'],
  ['threadPolicy', 'Thread policy'],
  ['numaNodes', 'NUMA nodes'],
];

/** The VNFD as an operator reads it: identity, flavours, VDUs with their EPA needs, connection points. */
export function VnfdView({ vnfd }: { vnfd: VnfdSummary }) {
  return (
    <div className="vnfd">
      {Object.keys(vnfd.identity).length > 0 && (
        <dl className="kv">
          {Object.entries(vnfd.identity).map(([k, v]) => (<div key={k}><dt>{k}</dt><dd>{v}</dd></div>))}
        </dl>
      )}
      <h4>Deployment flavours</h4>
      {vnfd.flavours.length === 0 ? <p className="muted">The VNFD names no flavour.</p> : (
        <ul className="chips">
          {vnfd.flavours.map((f) => (
            <li key={f.id} className="chip">
              <strong>{f.id}</strong>{f.description ? ` — ${f.description}` : ''}
              {f.instantiationLevels.length > 0 && <span className="muted"> (levels: {f.instantiationLevels.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
      <h4>VDUs</h4>
      {vnfd.vdus.length === 0 ? <p className="muted">No VDU in this VNFD.</p> : (
        <div className="vdu-grid">
          {vnfd.vdus.map((vdu) => (
            <article key={vdu.node} className="vdu" aria-label={`VDU ${vdu.name}`}>
              <h5>{vdu.name}{vdu.instances && <span className="muted"> · instances {vdu.instances}</span>}</h5>
              {vdu.description && <p className="muted">{vdu.description}</p>}
              <table className="epa">
                <caption className="sr-only">EPA requirements of {vdu.name}</caption>
                <tbody>
                  {epaLabels.filter(([k]) => vdu.epa[k] !== undefined).map(([k, label]) => (
                    <tr key={k}><th scope="row">{label}</th><td>{vdu.epa[k]}</td></tr>
                  ))}
                  {vdu.epa.other.map(([k, v]) => (<tr key={`o-${k}`}><th scope="row">{k}</th><td>{v}</td></tr>))}
                </tbody>
              </table>
              <ul className="cps">
                {vnfd.connectionPoints.filter((cp) => cp.vdu === vdu.node || (cp.vdu === undefined && vnfd.vdus.length === 1)).map((cp) => (
                  <li key={cp.name}>
                    <code>{cp.name}</code> <span className="tag">{cp.kind}</span>
                    {cp.physicalNetwork && <span className="muted"> on {cp.physicalNetwork}</span>}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      )}
      {vnfd.virtualLinks.length > 0 && (<><h4>Internal virtual links</h4><p>{vnfd.virtualLinks.join(', ')}</p></>)}
      {vnfd.scalingAspects.length > 0 && (
        <>
          <h4>Scaling aspects</h4>
          <ul>{vnfd.scalingAspects.map((a) => <li key={a.id}>{a.name ?? a.id}{a.maxScaleLevel && ` (max level ${a.maxScaleLevel})`}</li>)}</ul>
        </>
      )}
      {vnfd.autoscaling.length > 0 && (
        <>
          <h4>Autoscaling</h4>
          <ul>
            {vnfd.autoscaling.map((a) => (
              <li key={a.name}>
                <strong>{a.metric ?? a.name}</strong>
                {a.aspect && <> on aspect <code>{a.aspect}</code></>}
                {a.scaleOutThreshold !== undefined && <>: out above {a.scaleOutThreshold}</>}
                {a.scaleInThreshold !== undefined && <>, in below {a.scaleInThreshold}</>}
                {a.window && <> for {a.window}</>}
                {a.cooldown && <span className="muted"> (cooldown {a.cooldown})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
