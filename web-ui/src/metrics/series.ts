/** Bounded time series per VNF and indicator, filled from SOL002 VNF indicator readings. */
export interface Reading {
  vnfInstanceId: string;
  /** the indicator's stable id (busy_ratio_max, rx_pps, drop_rate, counter.<name>) */
  id: string;
  name: string;
  value: number;
  at: number; // ms since epoch
}

export interface Point {
  at: number;
  value: number;
}

/** vnfInstanceId -> indicator id -> points */
export type Series = Map<string, Map<string, Point[]>>;

export const maxPoints = 300;

/**
 * SOL002 VnfIndicator: { id, name, value, vnfInstanceId }. Values that are not numbers are
 * skipped (an indicator may be a state string).
 */
export function readingsFrom(indicators: unknown, at: number): Reading[] {
  if (!Array.isArray(indicators)) return [];
  return indicators.flatMap((raw) => {
    const i = raw as Record<string, unknown>;
    const value = typeof i.value === 'number' ? i.value : Number(i.value);
    const vnf = typeof i.vnfInstanceId === 'string' ? i.vnfInstanceId : undefined;
    const id = typeof i.id === 'string' ? i.id : typeof i.name === 'string' ? i.name : undefined;
    if (!vnf || !id || i.value === null || i.value === '' || !Number.isFinite(value)) return [];
    return [{ vnfInstanceId: vnf, id, name: typeof i.name === 'string' ? i.name : id, value, at }];
  });
}

export function append(series: Series, readings: Reading[]): Series {
  if (readings.length === 0) return series;
  const next: Series = new Map(series);
  for (const r of readings) {
    const perVnf = new Map(next.get(r.vnfInstanceId) ?? []);
    const points = [...(perVnf.get(r.id) ?? []), { at: r.at, value: r.value }];
    perVnf.set(r.id, points.slice(-maxPoints));
    next.set(r.vnfInstanceId, perVnf);
  }
  return next;
}

/** How the Metrics screen draws an indicator: charts for rates and ratios, counters in a table. */
export interface ChartSpec {
  title: string;
  unit: string;
  scale: number;
  /** the autoscaling policy metric whose thresholds belong on this chart */
  policyMetric?: string;
}

export const charted: Record<string, ChartSpec> = {
  rx_pps: { title: 'rx', unit: ' Mpps', scale: 1e-6 },
  tx_pps: { title: 'tx', unit: ' Mpps', scale: 1e-6 },
  drop_rate: { title: 'drop rate', unit: '', scale: 1, policyMetric: 'drop_rate' },
  busy_ratio_max: { title: 'busy ratio (busiest lcore)', unit: '', scale: 1, policyMetric: 'busy_ratio' },
  busy_ratio_mean: { title: 'busy ratio (mean)', unit: '', scale: 1 },
  vnfc_count: { title: 'VNFCs', unit: '', scale: 1 },
};
