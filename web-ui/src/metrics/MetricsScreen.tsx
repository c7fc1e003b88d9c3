import type { Session } from '../auth/signIn';
import { EmptyState, ErrorState, NotAvailable } from '../shell/States';
import { LineChart } from './LineChart';
import { charted, type Point } from './series';
import { indicatorsPath, useIndicatorFeed, type FeedStatus } from './useIndicatorFeed';
import { useVnfContext, type VnfContext } from './useVnfContext';

/** Per VNF live charts of the SOL002 indicators, with autoscaling thresholds and scale/heal events drawn in. */
export function MetricsScreen({ session, pollMs = 1000 }: { session: Session; pollMs?: number }) {
  const { status, series } = useIndicatorFeed(session.api, pollMs);
  const vnfIds = [...series.keys()];
  const context = useVnfContext(session.api, vnfIds);

  return (
    <div className="screen">
      <div className="screen-head">
        <h2>Metrics</h2>
        <FeedBadge status={status} />
      </div>
      {status.kind === 'unavailable' && <NotAvailable what="VNF indicators" path={indicatorsPath} />}
      {status.kind === 'error' && <ErrorState error={status.error} />}
      {(status.kind === 'live' || status.kind === 'polling') && series.size === 0 && (
        <EmptyState title="No VNF reports indicators yet">Charts appear when an instantiated VNF's agent sends its counters.</EmptyState>
      )}
      {[...series.entries()].map(([vnf, byId]) => (
        <VnfCharts key={vnf} vnf={vnf} byId={byId} context={context.get(vnf)} />
      ))}
    </div>
  );
}

function FeedBadge({ status }: { status: FeedStatus }) {
  switch (status.kind) {
    case 'live': return <span className="badge ok" role="status">live (SSE)</span>;
    case 'polling': return <span className="badge warn" role="status" title={status.why}>{status.why}: polling every second</span>;
    case 'starting': return <span className="badge busy" role="status">connecting…</span>;
    default: return null;
  }
}

function VnfCharts({ vnf, byId, context }: { vnf: string; byId: Map<string, Point[]>; context?: VnfContext }) {
  const counters = [...byId.entries()].filter(([id]) => !charted[id]);
  return (
    <section className="metrics-vnf" aria-label={`Metrics of VNF ${context?.name ?? vnf}`} data-testid="metrics-vnf">
      <h3>{context?.name ?? 'VNF'} <span className="muted"><code>{vnf}</code></span></h3>
      <div className="charts">
        {Object.entries(charted).filter(([id]) => byId.has(id)).map(([id, spec]) => {
          const thresholds = (context?.policies ?? [])
            .filter((p) => p.metric === spec.policyMetric)
            .flatMap((p) => [
              ...(p.scaleOutThreshold !== undefined ? [{ label: `scale out > ${p.scaleOutThreshold}`, value: p.scaleOutThreshold }] : []),
              ...(p.scaleInThreshold ? [{ label: `scale in < ${p.scaleInThreshold}`, value: p.scaleInThreshold }] : []),
            ]);
          return (
            <LineChart key={id} title={spec.title} unit={spec.unit} thresholds={thresholds} events={context?.events ?? []}
              points={byId.get(id)!.map((p) => ({ at: p.at, value: p.value * spec.scale }))} />
          );
        })}
      </div>
      {counters.length > 0 && (
        <details>
          <summary>Counters ({counters.length})</summary>
          <table className="grid compact">
            <tbody>
              {counters.map(([id, points]) => (
                <tr key={id}><th scope="row">{id.replace(/^counter\./, '')}</th><td>{points[points.length - 1]?.value.toLocaleString()}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
