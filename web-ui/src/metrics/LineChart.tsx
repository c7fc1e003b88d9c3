/** A small SVG line chart with optional threshold lines and event markers on the time axis. */
export function LineChart({ title, points, thresholds = [], events = [], unit = '' }: {
  title: string;
  points: { at: number; value: number }[];
  thresholds?: { label: string; value: number }[];
  events?: { at: number; label: string }[];
  unit?: string;
}) {
  const w = 360;
  const h = 140;
  const pad = 28;
  if (points.length === 0) return <figure className="chart"><figcaption>{title}</figcaption><p className="muted">No reading yet.</p></figure>;
  const t0 = points[0].at;
  const shown = events.filter((e) => e.at >= t0);
  const t1 = Math.max(points[points.length - 1].at, ...shown.map((e) => e.at), t0 + 1);
  const vmax = Math.max(...points.map((p) => p.value), ...thresholds.map((t) => t.value), 1e-9) * 1.1;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (w - pad - 8);
  const y = (v: number) => h - pad + 8 - (v / vmax) * (h - pad);
  const last = points[points.length - 1].value;
  return (
    <figure className="chart">
      <figcaption>{title}: <strong>{format(last)}{unit}</strong></figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`${title}, latest ${format(last)}${unit}`}>
        <line x1={pad} y1={h - pad + 8} x2={w - 8} y2={h - pad + 8} className="axis" />
        <text x={2} y={y(vmax / 1.1) + 4} className="tick">{format(vmax / 1.1)}</text>
        {thresholds.map((t) => (
          <g key={t.label}>
            <line x1={pad} x2={w - 8} y1={y(t.value)} y2={y(t.value)} className="threshold" />
            <text x={w - 10} y={y(t.value) - 3} textAnchor="end" className="tick">{t.label}</text>
          </g>
        ))}
        {shown.map((e, i) => (
          <g key={i}>
            <line x1={x(e.at)} x2={x(e.at)} y1={8} y2={h - pad + 8} className="event" />
            <text x={x(e.at) + 2} y={16} className="tick">{e.label}</text>
          </g>
        ))}
        <polyline fill="none" className="series" points={points.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ')} />
      </svg>
    </figure>
  );
}

function format(v: number) {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}
