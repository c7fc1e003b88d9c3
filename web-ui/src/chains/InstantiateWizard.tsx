import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import type { NsdInfo } from '../catalog/types';
import { ProblemAtField } from '../catalog/ProblemAtField';

export interface InstantiateRequest {
  nsdId: string;
  name: string;
  flavourId: string;
  strategy: 'pack' | 'spread';
  hosts: string[];
  params: Record<string, string>;
}

/** Parses "key=value" lines of the parameters box; blank lines and lines without "=" are ignored. */
export function parseParams(text: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq > 0) params[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return params;
}

/**
 * SOL005: create the NS instance from the NSD, then ask for instantiation; the answer is an op
 * occurrence the Operations screen follows.
 */
export async function instantiate(api: ApiClient, r: InstantiateRequest): Promise<string> {
  const ns = await api.post<{ id: string }>('/nslcm/v1/ns_instances', { nsdId: r.nsdId, nsName: r.name, nsDescription: `created from the web UI` });
  await api.post(`/nslcm/v1/ns_instances/${ns.id}/instantiate`, {
    nsFlavourId: r.flavourId,
    additionalParamsForNs: { ...r.params, strategy: r.strategy.toUpperCase(), ...(r.hosts.length > 0 ? { hosts: r.hosts } : {}) },
  });
  return ns.id;
}

export function InstantiateWizard({ api, nsds, hosts, onDone, onCancel }: {
  api: ApiClient; nsds: NsdInfo[]; hosts: string[]; onDone: (nsId: string) => void; onCancel: () => void;
}) {
  const usable = nsds.filter((d) => d.nsdOnboardingState === 'ONBOARDED' && d.nsdOperationalState !== 'DISABLED');
  const [nsdId, setNsdId] = useState(usable[0]?.nsdId ?? usable[0]?.id ?? '');
  const [name, setName] = useState('');
  const [flavourId, setFlavourId] = useState('default');
  const [strategy, setStrategy] = useState<'pack' | 'spread'>('pack');
  const [chosenHosts, setChosenHosts] = useState<string[]>([]);
  const [params, setParams] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await instantiate(api, { nsdId, name, flavourId, strategy, hosts: chosenHosts, params: parseParams(params) }));
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  }

  if (usable.length === 0) {
    return <p className="state-card" role="status">No enabled, onboarded NSD in the catalog: onboard one on the Catalog screen first.</p>;
  }
  return (
    <form className="wizard" onSubmit={submit} aria-labelledby="wizard-title">
      <h3 id="wizard-title">Instantiate a service chain</h3>
      <fieldset>
        <legend>1. Descriptor</legend>
        <label>NSD
          <select value={nsdId} onChange={(e) => setNsdId(e.target.value)} required>
            {usable.map((d) => <option key={d.id} value={d.nsdId ?? d.id}>{d.nsdName ?? d.nsdId ?? d.id} {d.nsdVersion ?? ''}</option>)}
          </select>
        </label>
        <label>Instance name<input value={name} onChange={(e) => setName(e.target.value)} required placeholder="e.g. edge-chain-1" /></label>
        <label>Flavour<input value={flavourId} onChange={(e) => setFlavourId(e.target.value)} required /></label>
      </fieldset>
      <fieldset>
        <legend>2. Placement</legend>
        <label>Strategy
          <select value={strategy} onChange={(e) => setStrategy(e.target.value as 'pack' | 'spread')}>
            <option value="pack">pack (neighbours on one host and cell)</option>
            <option value="spread">spread (across hosts)</option>
          </select>
        </label>
        <div role="group" aria-label="Hosts allowed">
          <span>Hosts allowed (none ticked: any)</span>
          {hosts.map((h) => (
            <label key={h} className="inline">
              <input type="checkbox" checked={chosenHosts.includes(h)}
                onChange={(e) => setChosenHosts(e.target.checked ? [...chosenHosts, h] : chosenHosts.filter((x) => x !== h))} />
              {h}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>3. Parameters</legend>
        <label>Day-1 parameters, one <code>key=value</code> per line
          <textarea rows={3} value={params} onChange={(e) => setParams(e.target.value)} />
        </label>
      </fieldset>
      {error && (error instanceof ApiError && error.problem ? <ProblemAtField problem={error.problem} /> : <p role="alert" className="error-text">{error.message}</p>)}
      <div className="actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Instantiating…' : 'Instantiate'}</button>
      </div>
    </form>
  );
}
