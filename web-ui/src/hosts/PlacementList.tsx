import type { Session } from '../auth/signIn';
import { useResource } from '../api/useResource';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';

type J = Record<string, unknown>;
const s = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Recent placements: where each VNFC went, or per host why it could not go there. */
export function PlacementList({ session }: { session: Session }) {
  const [placements] = useResource<J[]>(session.api, '/vim/v1/placements', 5000);
  return (
    <section aria-labelledby="placements-title">
      <h3 id="placements-title">Placements</h3>
      <LoadedView state={placements} what="placements">
        {(list) => list.length === 0 ? <EmptyState title="No placement yet" /> : (
          <table className="grid" data-testid="placements">
            <thead><tr><th>VNFC</th><th>Host</th><th>Cell</th><th>State</th><th>Why not elsewhere</th></tr></thead>
            <tbody>
              {list.map((p, i) => (
                <tr key={s(p.id ?? i)}>
                  <td>{s(p.vnfcName ?? p.vnfcId ?? p.vnfc ?? p.id)}</td>
                  <td>{s(p.hostName ?? p.host ?? p.hostId)}</td>
                  <td>{s(p.cellId ?? p.cell)}</td>
                  <td><StateBadge state={typeof p.state === 'string' ? p.state : typeof p.status === 'string' ? p.status : undefined} /></td>
                  <td>
                    {Array.isArray(p.reasons) ? (
                      <ul className="reasons">{(p.reasons as unknown[]).map((r, j) => <li key={j}>{s(typeof r === 'object' && r ? (r as J).reason ?? (r as J).message ?? r : r)}</li>)}</ul>
                    ) : s(p.reason ?? p.detail)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedView>
    </section>
  );
}
