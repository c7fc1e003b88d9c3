import { useState, type FormEvent } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { ApiError } from '../api/problem';
import { useResource } from '../api/useResource';
import type { VnfPkgInfo } from '../catalog/types';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';
import { toVnfRow, type VnfRow } from './vnfInstance';

const vnfPath = '/vnflcm/v1/vnf_instances';

type Pending = { title: string; body: string; label: string; run: () => Promise<unknown> };

/** SOL003 VNF instances: one VNF at a time (a chain of one), with the same lifecycle actions as a chain. */
export function VnfInstances({ session, pollMs = 2000 }: { session: Session; pollMs?: number }) {
  const { api } = session;
  const canWrite = allows(session.role, 'OPERATOR');
  const [vnfs, reload] = useResource<unknown[]>(api, vnfPath, pollMs);
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<string>();
  const [creating, setCreating] = useState(false);

  async function act(run: () => Promise<unknown>) {
    setMessage(undefined);
    try {
      await run();
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 403 ? 'Your role does not allow this.' : (e as Error).message);
    }
    await reload();
  }

  return (
    <section aria-labelledby="vnf-instances-title">
      <div className="screen-head">
        <h3 id="vnf-instances-title">VNF instances</h3>
        {canWrite && vnfs.status === 'ok' && !creating && <button onClick={() => setCreating(true)}>New VNF instance…</button>}
      </div>
      {creating && <NewVnfForm session={session} onCancel={() => setCreating(false)} onDone={() => { setCreating(false); void reload(); }} />}
      {message && <p role="alert" className="error-text">{message}</p>}
      <LoadedView state={vnfs} what="VNF instances">
        {(list) => list.length === 0 ? <EmptyState title="No VNF instance yet">Create one from an onboarded VNF package.</EmptyState> : (
          <table className="grid" data-testid="vnf-instances">
            <thead><tr><th>Name</th><th>Product</th><th>State</th><th>VNFCs (host)</th><th>Scale</th>{canWrite && <th><span className="sr-only">Actions</span></th>}</tr></thead>
            <tbody>
              {list.map(toVnfRow).map((v) => (
                <tr key={v.id}>
                  <td>{v.name}</td>
                  <td>{v.product ?? '—'}</td>
                  <td><StateBadge state={v.instantiationState} /> {v.vnfState && <StateBadge state={v.vnfState} />}</td>
                  <td>{v.vnfcs.length === 0 ? '—' : v.vnfcs.map((c) => <div key={c.id}>{c.vdu ?? 'vnfc'} on {c.host ?? '?'} {c.state && <span className="muted">({c.state})</span>}</div>)}</td>
                  <td>{v.aspects.map((a) => `${a.id}: ${a.level}`).join(', ') || '—'}</td>
                  {canWrite && <td><div className="row-actions"><VnfActions vnf={v} session={session} act={act} ask={setPending} /></div></td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadedView>
      {pending && (
        <ConfirmDialog title={pending.title} body={pending.body} confirmLabel={pending.label}
          onCancel={() => setPending(undefined)}
          onConfirm={() => { const p = pending; setPending(undefined); void act(p.run); }} />
      )}
    </section>
  );
}

function VnfActions({ vnf, session, act, ask }: { vnf: VnfRow; session: Session; act: (run: () => Promise<unknown>) => Promise<void>; ask: (p: Pending) => void }) {
  const { api } = session;
  const base = `${vnfPath}/${vnf.id}`;
  if (vnf.instantiationState !== 'INSTANTIATED') {
    return (
      <>
        <button onClick={() => act(() => api.post(`${base}/instantiate`, { flavourId: 'default', additionalParams: { strategy: 'PACK' } }))}>Instantiate</button>
        <button className="danger" onClick={() => ask({ title: `Delete ${vnf.name}?`, body: 'The VNF instance record is removed.', label: 'Delete', run: () => api.delete(base) })}>Delete</button>
      </>
    );
  }
  const aspect = vnf.aspects[0]?.id;
  return (
    <>
      {aspect && <button onClick={() => act(() => api.post(`${base}/scale`, { type: 'SCALE_OUT', aspectId: aspect, numberOfSteps: 1 }))}>Scale out</button>}
      {aspect && <button disabled={(vnf.aspects[0]?.level ?? 0) === 0} onClick={() => act(() => api.post(`${base}/scale`, { type: 'SCALE_IN', aspectId: aspect, numberOfSteps: 1 }))}>Scale in</button>}
      <button onClick={() => ask({ title: `Heal ${vnf.name}?`, body: 'Its VMs are restarted or re-created; traffic through it stops meanwhile.', label: 'Heal', run: () => api.post(`${base}/heal`, { cause: 'requested from the web UI' }) })}>Heal</button>
      <button className="danger" onClick={() => ask({ title: `Terminate ${vnf.name}?`, body: 'Its VMs are stopped and their cores, pages and VFs released.', label: 'Terminate', run: () => api.post(`${base}/terminate`, { terminationType: 'GRACEFUL', gracefulTerminationTimeout: 30 }) })}>Terminate</button>
    </>
  );
}

function NewVnfForm({ session, onDone, onCancel }: { session: Session; onDone: () => void; onCancel: () => void }) {
  const [packages] = useResource<VnfPkgInfo[]>(session.api, '/vnfpkgm/v1/vnf_packages');
  const usable = packages.status === 'ok' ? packages.data.filter((p) => p.onboardingState === 'ONBOARDED' && p.operationalState === 'ENABLED' && p.vnfdId) : [];
  const [vnfdId, setVnfdId] = useState('');
  const [name, setName] = useState('');
  const [flavourId, setFlavourId] = useState('default');
  const [strategy, setStrategy] = useState('PACK');
  const [error, setError] = useState<string>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const vnf = await session.api.post<{ id: string }>(vnfPath, { vnfdId: vnfdId || usable[0]?.vnfdId, vnfInstanceName: name });
      await session.api.post(`${vnfPath}/${vnf.id}/instantiate`, { flavourId, additionalParams: { strategy } });
      onDone();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <form className="vnf-form" onSubmit={submit} aria-label="New VNF instance">
      <label>VNF package
        <select value={vnfdId} onChange={(e) => setVnfdId(e.target.value)}>
          {usable.map((p) => <option key={p.id} value={p.vnfdId}>{p.vnfProductName} {p.vnfSoftwareVersion}</option>)}
        </select>
      </label>
      <label>Name<input required value={name} onChange={(e) => setName(e.target.value)} /></label>
      <label>Flavour<input required value={flavourId} onChange={(e) => setFlavourId(e.target.value)} /></label>
      <label>Placement
        <select value={strategy} onChange={(e) => setStrategy(e.target.value)}>
          <option value="PACK">pack</option>
          <option value="SPREAD">spread</option>
        </select>
      </label>
      <button type="button" onClick={onCancel}>Cancel</button>
      <button type="submit" className="primary" disabled={usable.length === 0}>Create and instantiate</button>
      {usable.length === 0 && <span className="muted">No enabled, onboarded package.</span>}
      {error && <p role="alert" className="error-text">{error}</p>}
    </form>
  );
}
