import { useState } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { ApiError, type Problem } from '../api/problem';
import { useResource } from '../api/useResource';
import { ProblemAtField } from '../catalog/ProblemAtField';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';

/** SOL005 NsLcmOpOcc, plus the per-VNF progress the orchestrator adds. */
export interface OpOcc {
  id: string;
  operationState: string;
  lcmOperationType?: string;
  nsInstanceId?: string;
  startTime?: string;
  stateEnteredTime?: string;
  isAutomaticInvocation?: boolean;
  error?: Problem;
  vnfProgress?: { vnfInstanceId?: string; vnfName?: string; operationState?: string; step?: string; percent?: number }[];
}

const opsPath = '/nslcm/v1/ns_lcm_op_occs';

export function OperationsScreen({ session, pollMs = 1500 }: { session: Session; pollMs?: number }) {
  const [ops, reload] = useResource<OpOcc[]>(session.api, opsPath, pollMs);
  const [message, setMessage] = useState<string>();
  const canWrite = allows(session.role, 'OPERATOR');

  async function act(op: OpOcc, action: 'retry' | 'rollback' | 'fail') {
    setMessage(undefined);
    try {
      await session.api.post(`${opsPath}/${op.id}/${action}`, {});
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 403 ? 'Your role does not allow this.' : (e as Error).message);
    }
    await reload();
  }

  return (
    <div className="screen">
      <h2>Operations</h2>
      {message && <p role="alert" className="error-text">{message}</p>}
      <LoadedView state={ops} what="LCM operation occurrences">
        {(list) => list.length === 0 ? <EmptyState title="No operation yet">Instantiating, scaling, healing or terminating a chain starts one.</EmptyState> : (
          <ul className="ops" data-testid="ops">
            {[...list].sort((a, b) => String(b.startTime ?? '').localeCompare(String(a.startTime ?? ''))).map((op) => (
              <li key={op.id} className="op">
                <header>
                  <strong>{op.lcmOperationType ?? 'operation'}</strong> <StateBadge state={op.operationState} />
                  {op.isAutomaticInvocation && <span className="tag">automatic</span>}
                  <span className="muted"> NS {op.nsInstanceId ?? '—'} · started {formatTime(op.startTime)} · state since {formatTime(op.stateEnteredTime)}</span>
                </header>
                {op.vnfProgress && op.vnfProgress.length > 0 && (
                  <table className="grid compact">
                    <thead><tr><th>VNF</th><th>State</th><th>Step</th><th>Progress</th></tr></thead>
                    <tbody>
                      {op.vnfProgress.map((p, i) => (
                        <tr key={p.vnfInstanceId ?? i}>
                          <td>{p.vnfName ?? p.vnfInstanceId}</td>
                          <td><StateBadge state={p.operationState} /></td>
                          <td>{p.step ?? '—'}</td>
                          <td>{p.percent !== undefined ? <progress max={100} value={p.percent} aria-label={`${p.vnfName ?? p.vnfInstanceId} progress`} /> : '—'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {op.error && <ProblemAtField problem={op.error} />}
                {canWrite && op.operationState === 'FAILED_TEMP' && (
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
    </div>
  );
}

function formatTime(t?: string) {
  if (!t) return '—';
  const d = new Date(t);
  return isNaN(d.getTime()) ? t : d.toLocaleTimeString();
}
