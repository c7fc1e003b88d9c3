import { useState } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { ApiError } from '../api/problem';
import { useResource } from '../api/useResource';
import { ProblemAtField } from '../catalog/ProblemAtField';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';
import { byStartDescending, toOpView, type OpView } from './opOcc';

const sources = [
  { path: '/nslcm/v1/ns_lcm_op_occs', title: 'Network service operations', subject: 'NS' },
  { path: '/vnflcm/v1/vnf_lcm_op_occs', title: 'VNF operations', subject: 'VNF' },
] as const;

/** LCM op occurrences, live: state, progress per VNF, the error if any, and retry/rollback for FAILED_TEMP. */
export function OperationsScreen({ session, pollMs = 1500 }: { session: Session; pollMs?: number }) {
  return (
    <div className="screen">
      <h2>Operations</h2>
      {sources.map((s) => <OpList key={s.path} session={session} pollMs={pollMs} {...s} />)}
    </div>
  );
}

function OpList({ session, pollMs, path, title, subject }: { session: Session; pollMs: number; path: string; title: string; subject: string }) {
  const [ops, reload] = useResource<unknown[]>(session.api, path, pollMs);
  const [message, setMessage] = useState<string>();
  const canWrite = allows(session.role, 'OPERATOR');

  async function act(op: OpView, action: 'retry' | 'rollback' | 'fail') {
    setMessage(undefined);
    try {
      await session.api.post(`${path}/${op.id}/${action}`, {});
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 403 ? 'Your role does not allow this.' : (e as Error).message);
    }
    await reload();
  }

  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {message && <p role="alert" className="error-text">{message}</p>}
      <LoadedView state={ops} what={title.toLowerCase()}>
        {(list) => list.length === 0 ? <EmptyState title="No operation yet">Instantiating, scaling, healing or terminating starts one.</EmptyState> : (
          <ul className="ops" data-testid="ops">
            {list.map(toOpView).sort(byStartDescending).map((op) => (
              <li key={op.id} className="op">
                <header>
                  <strong>{op.type}</strong> <StateBadge state={op.state} />
                  {op.automatic && <span className="tag">automatic</span>}
                  <span className="muted"> {subject} <code>{op.subject?.slice(0, 8) ?? '—'}</code> · started {formatTime(op.startTime)} · state since {formatTime(op.stateEnteredTime)}</span>
                </header>
                {op.progress && (
                  <div className="op-progress">
                    <progress max={100} value={op.progress.percent} aria-label={`${op.type} progress`} />
                    <span>{op.progress.percent}%{op.progress.detail ? ` · ${op.progress.detail}` : ''}</span>
                  </div>
                )}
                {op.vnfProgress.length > 0 && (
                  <table className="grid compact">
                    <thead><tr><th>VNF</th><th>State</th><th>Step</th><th>Progress</th></tr></thead>
                    <tbody>
                      {op.vnfProgress.map((p, i) => (
                        <tr key={i}>
                          <td>{p.vnf}</td>
                          <td><StateBadge state={p.state} /></td>
                          <td>{p.step ?? '—'}</td>
                          <td>{p.percent !== undefined ? <progress max={100} value={p.percent} aria-label={`${p.vnf} progress`} /> : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {op.error && <ProblemAtField problem={op.error} />}
                {canWrite && op.state === 'FAILED_TEMP' && (
                  <div className="actions">
                    <button onClick={() => act(op, 'retry')}>Retry</button>
                    <button onClick={() => act(op, 'rollback')}>Roll back</button>
                    <button className="danger" onClick={() => act(op, 'fail')}>Mark failed</button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadedView>
    </section>
  );
}

function formatTime(t?: string) {
  if (!t) return '—';
  const d = new Date(t);
  return isNaN(d.getTime()) ? t : d.toLocaleTimeString();
}
