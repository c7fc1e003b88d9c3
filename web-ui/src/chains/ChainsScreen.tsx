import { useState } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { ApiError } from '../api/problem';
import { useResource } from '../api/useResource';
import type { NsdInfo } from '../catalog/types';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';
import { ChainGraph } from './ChainGraph';
import { ChainWiring } from './ChainWiring';
import { InstantiateWizard } from './InstantiateWizard';
import { toChainView, type ChainView } from './nsInstance';
import { VnfInstances } from './VnfInstances';

const nsPath = '/nslcm/v1/ns_instances';

type Pending = { title: string; body: string; label: string; run: () => Promise<unknown> };

export function ChainsScreen({ session, pollMs = 2000 }: { session: Session; pollMs?: number }) {
  const { api } = session;
  const canWrite = allows(session.role, 'OPERATOR');
  const [instances, reload] = useResource<unknown[]>(api, nsPath, pollMs);
  const [nsds] = useResource<NsdInfo[]>(api, '/nsd/v1/ns_descriptors');
  const [hosts] = useResource<Record<string, unknown>[]>(api, '/vim/v1/hosts');
  const [wizard, setWizard] = useState(false);
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState<string>();

  async function act(run: () => Promise<unknown>) {
    setMessage(undefined);
    try {
      await run();
    } catch (e) {
      setMessage(e instanceof ApiError && e.status === 403 ? 'Your role does not allow this.' : (e as Error).message);
    }
    await reload();
  }

  const hostNames = hosts.status === 'ok' ? hosts.data.map((h) => String(h.name ?? h.id)) : [];

  return (
    <div className="screen">
      <div className="screen-head">
        <h2>Service chains</h2>
        {canWrite && !wizard && instances.status !== 'unavailable' && (
          <button className="primary" onClick={() => setWizard(true)}>Instantiate…</button>
        )}
      </div>
      {wizard && (nsds.status === 'ok'
        ? <InstantiateWizard api={api} nsds={nsds.data} hosts={hostNames} onCancel={() => setWizard(false)}
            onDone={() => { setWizard(false); void reload(); }} />
        : <LoadedView state={nsds} what="NS descriptors">{() => null}</LoadedView>)}
      {message && <p role="alert" className="error-text">{message}</p>}
      <h3>Network services</h3>
      <LoadedView state={instances} what="NS instances">
        {(list) => list.length === 0 ? (
          <EmptyState title="No service chain yet">Instantiate one from an onboarded NSD.</EmptyState>
        ) : (
          <div className="chains">
            {list.map(toChainView).map((chain) => (
              <ChainCard key={chain.id} chain={chain} canWrite={canWrite} ask={setPending} act={act} session={session} />
            ))}
          </div>
        )}
      </LoadedView>
      <VnfInstances session={session} pollMs={pollMs} />
      {pending && (
        <ConfirmDialog title={pending.title} body={pending.body} confirmLabel={pending.label}
          onCancel={() => setPending(undefined)}
          onConfirm={() => { const p = pending; setPending(undefined); void act(p.run); }} />
      )}
    </div>
  );
}

function ChainCard({ chain, canWrite, ask, act, session }: {
  chain: ChainView; canWrite: boolean; session: Session; ask: (p: Pending) => void; act: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const { api } = session;
  const base = `${nsPath}/${chain.id}`;
  const instantiated = chain.state === 'INSTANTIATED';
  return (
    <article className="chain" aria-labelledby={`chain-${chain.id}`} data-testid="chain">
      <header className="chain-head">
        <h3 id={`chain-${chain.id}`}>{chain.name}</h3>
        <StateBadge state={chain.state} />
        {chain.nsdId && <span className="muted">NSD {chain.nsdId}</span>}
      </header>
      {chain.vnfs.length > 0 ? <><div className="graph-scroll"><ChainGraph chain={chain} /></div><ChainWiring chain={chain} /></> : <p className="muted">No VNF instantiated.</p>}
      {canWrite && (
        <div className="actions">
          {instantiated && chain.vnfs.map((v) => (
            <span key={v.id} className="vnf-actions">
              <button onClick={() => act(() => scaleMember(session, base, v, 'SCALE_OUT'))}>Scale out {v.name}</button>
              <button onClick={() => act(() => scaleMember(session, base, v, 'SCALE_IN'))}>Scale in</button>
              <button onClick={() => ask({ title: `Heal ${v.name}?`, body: 'Its VMs are restarted or re-created; traffic through it stops meanwhile.', label: 'Heal', run: () => api.post(`${base}/heal`, { healVnfData: [{ vnfInstanceId: v.id }] }) })}>Heal</button>
            </span>
          ))}
          {instantiated && (
            <button className="danger" onClick={() => ask({ title: `Terminate ${chain.name}?`, body: 'Every VNF of the chain is stopped and its resources released.', label: 'Terminate', run: () => api.post(`${base}/terminate`, {}) })}>Terminate</button>
          )}
          {!instantiated && (
            <button className="danger" onClick={() => ask({ title: `Delete ${chain.name}?`, body: 'The NS instance record is removed.', label: 'Delete', run: () => api.delete(base) })}>Delete</button>
          )}
        </div>
      )}
    </article>
  );
}

/** The NS scale request names the VNF's scaling aspect: from the member, or read from its VNF instance. */
async function scaleMember(session: Session, base: string, v: ChainView['vnfs'][number], type: 'SCALE_OUT' | 'SCALE_IN') {
  let aspectId = v.aspects[0];
  if (!aspectId) {
    const vnf = await session.api.get<{ instantiatedVnfInfo?: { scaleStatus?: { aspectId: string }[] } }>(`/vnflcm/v1/vnf_instances/${v.id}`);
    aspectId = vnf.instantiatedVnfInfo?.scaleStatus?.[0]?.aspectId ?? '';
  }
  if (!aspectId) throw new Error(`${v.name} has no scaling aspect`);
  return session.api.post(`${base}/scale`, {
    scaleType: 'SCALE_VNF',
    scaleVnfData: [{ vnfInstanceId: v.id, scaleVnfType: type, scaleByStepData: { aspectId, numberOfSteps: 1 } }],
  });
}
