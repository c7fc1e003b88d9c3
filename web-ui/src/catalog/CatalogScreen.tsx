import { useState } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { ApiError } from '../api/problem';
import { useResource } from '../api/useResource';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { EmptyState, LoadedView } from '../shell/States';
import { StateBadge } from '../shell/StateBadge';
import { DropZone } from './DropZone';
import { onboard, sniffKind, type PackageKind } from './onboard';
import { PackageDetail } from './PackageDetail';
import type { NsdInfo, VnfPkgInfo } from './types';
import { UploadCard, type Upload } from './UploadCard';

const packagesPath = '/vnfpkgm/v1/vnf_packages';
const nsdPath = '/nsd/v1/ns_descriptors';

type Pending = { title: string; body: string; label: string; run: () => Promise<void> };

export function CatalogScreen({ session, pollMs = 2000 }: { session: Session; pollMs?: number }) {
  const { api } = session;
  const canWrite = allows(session.role, 'OPERATOR');
  const [packages, reloadPackages] = useResource<VnfPkgInfo[]>(api, packagesPath, pollMs);
  const [nsds, reloadNsds] = useResource<NsdInfo[]>(api, nsdPath, pollMs * 2);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [kindChoice, setKindChoice] = useState<'auto' | PackageKind>('auto');
  const [selected, setSelected] = useState<string>();
  const [pending, setPending] = useState<Pending>();
  const [actionError, setActionError] = useState<string>();

  async function accept(files: File[]) {
    for (const file of files) {
      const key = `${file.name}-${Date.now()}-${Math.random()}`;
      const source = /\.ya?ml$/i.test(file.name) ? await readText(file) : undefined;
      const kind = kindChoice === 'auto' ? sniffKind(source) : kindChoice;
      setUploads((u) => [{ key, file, kind, source, step: { phase: 'creating' } }, ...u]);
      void onboard(api, file, kind, (step) => {
        setUploads((u) => u.map((x) => (x.key === key ? { ...x, step } : x)));
        if (step.phase === 'onboarded' || step.phase === 'failed' || step.phase === 'processing') {
          void (kind === 'nsd' ? reloadNsds() : reloadPackages());
        }
      });
    }
  }

  async function act(run: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await run();
    } catch (e) {
      setActionError(e instanceof ApiError && e.status === 403 ? 'Your role does not allow this.' : (e as Error).message);
    }
    await Promise.all([reloadPackages(), reloadNsds()]);
  }

  const selectedPkg = packages.status === 'ok' ? packages.data.find((p) => p.id === selected) : undefined;

  return (
    <div className="screen">
      <h2>Catalog</h2>
      <div className="catalog-top">
        <DropZone onFiles={accept} disabled={!canWrite} />
        {canWrite && (
          <label className="kind-choice">
            Upload as
            <select value={kindChoice} onChange={(e) => setKindChoice(e.target.value as 'auto' | PackageKind)}>
              <option value="auto">detect from the file</option>
              <option value="vnf">VNF package</option>
              <option value="nsd">NS descriptor</option>
            </select>
          </label>
        )}
      </div>
      {uploads.length > 0 && (
        <div className="uploads" aria-live="polite">
          {uploads.map((u) => (
            <UploadCard key={u.key} upload={u} onDismiss={() => setUploads((all) => all.filter((x) => x.key !== u.key))} />
          ))}
        </div>
      )}
      {actionError && <p role="alert" className="error-text">{actionError}</p>}

      <div>
        <section aria-labelledby="vnf-packages-title">
          <h3 id="vnf-packages-title">VNF packages</h3>
          <LoadedView state={packages} what="VNF packages">
            {(list) => list.length === 0 ? (
              <EmptyState title="No VNF package yet">Drop a CSAR or a VNFD YAML above to onboard one.</EmptyState>
            ) : (
              <table className="grid" data-testid="packages">
                <thead>
                  <tr><th>Product</th><th>Provider</th><th>Version</th><th>Onboarding</th><th>Operational</th><th>Usage</th>{canWrite && <th><span className="sr-only">Actions</span></th>}</tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id} className={p.id === selected ? 'selected' : undefined}>
                      <td>
                        <button className="link" onClick={() => setSelected(p.id === selected ? undefined : p.id)} aria-expanded={p.id === selected}>
                          {p.vnfProductName ?? String(p.userDefinedData?.fileName ?? p.id)}
                        </button>
                      </td>
                      <td>{p.vnfProvider ?? '—'}</td>
                      <td>{p.vnfSoftwareVersion ?? '—'}</td>
                      <td><StateBadge state={p.onboardingState} /></td>
                      <td><StateBadge state={p.operationalState} /></td>
                      <td><StateBadge state={p.usageState} /></td>
                      {canWrite && (
                        <td><div className="row-actions">
                          {p.onboardingState === 'ONBOARDED' && (
                            <button onClick={() => act(() => api.patch(`${packagesPath}/${p.id}`, { operationalState: p.operationalState === 'ENABLED' ? 'DISABLED' : 'ENABLED' }))}>
                              {p.operationalState === 'ENABLED' ? 'Disable' : 'Enable'}
                            </button>
                          )}
                          <button className="danger" disabled={p.usageState === 'IN_USE'} title={p.usageState === 'IN_USE' ? 'In use by an NS instance' : undefined}
                            onClick={() => setPending({
                              title: `Delete ${p.vnfProductName ?? p.id}?`,
                              body: 'The package and its files are removed from the catalog. A package must be disabled and not in use.',
                              label: 'Delete package',
                              run: () => act(async () => {
                                if (p.operationalState === 'ENABLED') await api.patch(`${packagesPath}/${p.id}`, { operationalState: 'DISABLED' });
                                await api.delete(`${packagesPath}/${p.id}`);
                                if (selected === p.id) setSelected(undefined);
                              }),
                            })}>
                            Delete
                          </button>
                        </div></td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </LoadedView>
        </section>
        {selectedPkg && <PackageDetail api={api} pkg={selectedPkg} onClose={() => setSelected(undefined)} />}
      </div>

      <section aria-labelledby="nsd-title">
        <h3 id="nsd-title">NS descriptors</h3>
        <LoadedView state={nsds} what="NS descriptors">
          {(list) => list.length === 0 ? (
            <EmptyState title="No NS descriptor yet">Drop an NSD YAML above; its forwarding graph becomes a service chain.</EmptyState>
          ) : (
            <table className="grid" data-testid="nsds">
              <thead><tr><th>Name</th><th>Designer</th><th>Version</th><th>VNF packages</th><th>Onboarding</th><th>Operational</th><th>Usage</th></tr></thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <td>{d.nsdName ?? d.nsdId ?? d.id}</td>
                    <td>{d.nsdDesigner ?? '—'}</td>
                    <td>{d.nsdVersion ?? '—'}</td>
                    <td>{d.vnfPkgIds?.length ?? 0}</td>
                    <td><StateBadge state={d.nsdOnboardingState} /></td>
                    <td><StateBadge state={d.nsdOperationalState} /></td>
                    <td><StateBadge state={d.nsdUsageState} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </LoadedView>
      </section>
      {pending && (
        <ConfirmDialog title={pending.title} body={pending.body} confirmLabel={pending.label}
          onCancel={() => setPending(undefined)}
          onConfirm={() => { const p = pending; setPending(undefined); void p.run(); }} />
      )}
    </div>
  );
}

/** FileReader rather than Blob.text(): the same result, and it exists in every browser and test DOM. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}
