import { useEffect, useState } from 'react';
import type { Session } from '../auth/signIn';
import { allows } from '../auth/role';
import { useResource } from '../api/useResource';
import { EmptyState, LoadedView } from '../shell/States';
import { Legend, NumaMap } from './NumaMap';
import { toHostView, type HostView } from './topology';
import { PlacementList } from './PlacementList';

const hostsPath = '/vim/v1/hosts';

export function HostsScreen({ session, pollMs = 3000 }: { session: Session; pollMs?: number }) {
  const [hosts, reload] = useResource<unknown[]>(session.api, hostsPath, pollMs);
  const [message, setMessage] = useState<string>();
  // Re-reading a host through libvirt is an admin action (POST); everyone else sees the periodic refresh.
  const refresh = allows(session.role, 'ADMIN')
    ? async (id: string) => {
        setMessage(undefined);
        try {
          await session.api.post(`${hostsPath}/${encodeURIComponent(id)}/refresh`, {});
        } catch (e) {
          setMessage((e as Error).message);
        }
        await reload();
      }
    : undefined;
  return (
    <div className="screen">
      <h2>Hosts</h2>
      <Legend />
      {message && <p role="alert" className="error-text">{message}</p>}
      <LoadedView state={hosts} what="hosts">
        {(list) => list.length === 0 ? (
          <EmptyState title="No host registered">
            Register a host with <code>POST {hostsPath}</code> (admin) or run the Ansible playbook, which registers the hosts it tunes.
          </EmptyState>
        ) : (
          <div className="hosts">{list.map((h, i) => <HostDetail key={i} session={session} summary={h} pollMs={pollMs} onRefresh={refresh} />)}</div>
        )}
      </LoadedView>
      <PlacementList session={session} />
    </div>
  );
}

/** The list may carry only a summary; the topology with its holders comes from the host's own resource. */
function HostDetail({ session, summary, pollMs, onRefresh }: { session: Session; summary: unknown; pollMs: number; onRefresh?: (id: string) => void }) {
  const base = toHostView(summary);
  const [host, setHost] = useState<HostView>(base);
  useEffect(() => {
    if (base.cells.length > 0) return; // the list already carries the whole topology
    let live = true;
    const read = () =>
      session.api.get<unknown>(`${hostsPath}/${encodeURIComponent(base.id)}`).then(
        (full) => live && setHost(toHostView(full)),
        () => undefined, // keep the summary's view when the detail cannot be read
      );
    void read();
    const timer = setInterval(read, pollMs);
    return () => { live = false; clearInterval(timer); };
  }, [session.api, base.id, base.cells.length, pollMs]);
  return <NumaMap host={base.cells.length > 0 ? base : host} onRefresh={onRefresh && (() => onRefresh(base.id))} />;
}
