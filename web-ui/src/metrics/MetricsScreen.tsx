import { useEffect, useState } from 'react';
import type { Session } from '../auth/signIn';
import { ApiError } from '../api/problem';
import { NotAvailable, EmptyState, ErrorState } from '../shell/States';
import { LineChart } from './LineChart';
import { append, readingsFrom, type Series } from './series';

const indicatorsPath = '/vnfind/v1/indicators';

/** Readings the UI knows how to label; others are drawn with their own names. */
const known: Record<string, { title: string; unit?: string }> = {
  rx_mpps: { title: 'rx', unit: ' Mpps' },
  tx_mpps: { title: 'tx', unit: ' Mpps' },
  drops: { title: 'drops/s' },
  busy_ratio: { title: 'busy ratio' },
};

type Status = { kind: 'reading' } | { kind: 'unavailable' } | { kind: 'error'; error: Error };

/** Per VNF live charts from the SOL002 indicators, read every second and kept in a bounded window. */
export function MetricsScreen({ session, pollMs = 1000 }: { session: Session; pollMs?: number }) {
  const [series, setSeries] = useState<Series>(new Map());
  const [status, setStatus] = useState<Status>({ kind: 'reading' });

  useEffect(() => {
    let live = true;
    const read = async () => {
      try {
        const indicators = await session.api.get<unknown>(indicatorsPath);
        if (!live) return;
        setStatus({ kind: 'reading' });
        setSeries((s) => append(s, readingsFrom(indicators, Date.now())));
      } catch (e) {
        if (!live) return;
        setStatus(e instanceof ApiError && e.notFound ? { kind: 'unavailable' } : { kind: 'error', error: e as Error });
      }
    };
    void read();
    const timer = setInterval(read, pollMs);
    return () => { live = false; clearInterval(timer); };
  }, [session.api, pollMs]);

  return (
    <div className="screen">
      <h2>Metrics</h2>
      {status.kind === 'unavailable' && <NotAvailable what="VNF indicators" path={indicatorsPath} />}
      {status.kind === 'error' && <ErrorState error={status.error} />}
      {status.kind === 'reading' && series.size === 0 && (
        <EmptyState title="No VNF reports indicators yet">Charts appear when an instantiated VNF's agent sends its counters.</EmptyState>
      )}
      {[...series.entries()].map(([vnf, byName]) => (
        <section key={vnf} className="metrics-vnf" aria-label={`Metrics of VNF ${vnf}`}>
          <h3>VNF {vnf}</h3>
          <div className="charts">
            {[...byName.entries()].map(([name, points]) => (
              <LineChart key={name} title={known[name]?.title ?? name} unit={known[name]?.unit} points={points} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
