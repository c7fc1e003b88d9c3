/** A bounded time series per VNF and indicator, filled from SOL002 VNF indicator readings. */
export interface Reading {
  vnfInstanceId: string;
  name: string;
  value: number;
  at: number; // ms since epoch
}

export type Series = Map<string, Map<string, { at: number; value: number }[]>>;

export const maxPoints = 300;

/**
 * SOL002 VnfIndicator: { id, name, value, vnfInstanceId }. Values that are not numbers are skipped
 * (an indicator may be a state string).
 */
export function readingsFrom(indicators: unknown, at: number): Reading[] {
  if (!Array.isArray(indicators)) return [];
  return indicators.flatMap((raw) => {
    const i = raw as Record<string, unknown>;
    const value = typeof i.value === 'number' ? i.value : Number(i.value);
    const vnf = typeof i.vnfInstanceId === 'string' ? i.vnfInstanceId : undefined;
    const name = typeof i.name === 'string' ? i.name : typeof i.id === 'string' ? i.id : undefined;
    if (!vnf || !name || !Number.isFinite(value)) return [];
    return [{ vnfInstanceId: vnf, name, value, at }];
  });
}

export function append(series: Series, readings: Reading[]): Series {
  const next: Series = new Map(series);
  for (const r of readings) {
    const perVnf = new Map(next.get(r.vnfInstanceId) ?? []);
    const points = [...(perVnf.get(r.name) ?? []), { at: r.at, value: r.value }];
    perVnf.set(r.name, points.slice(-maxPoints));
    next.set(r.vnfInstanceId, perVnf);
  }
  return next;
}
