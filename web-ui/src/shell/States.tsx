import type { ReactNode } from 'react';
import type { Loaded } from '../api/useResource';
import { ApiError } from '../api/problem';

/** Renders the loading/unavailable/error states of a resource, or its data through `children`. */
export function LoadedView<T>({ state, what, children }: { state: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  switch (state.status) {
    case 'loading':
      return <p className="muted" role="status">Loading {what}…</p>;
    case 'unavailable':
      return <NotAvailable what={what} path={state.path} />;
    case 'error':
      return <ErrorState error={state.error} />;
    case 'ok':
      return <>{children(state.data)}</>;
  }
}

export function NotAvailable({ what, path }: { what: string; path: string }) {
  return (
    <div className="state-card" role="status">
      <h3>{capitalize(what)}: not available on this server</h3>
      <p className="muted">The orchestrator does not serve <code>{path}</code> yet; this part of the screen lights up when it does.</p>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-card" role="status">
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}

export function ErrorState({ error }: { error: Error }) {
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <div className="state-card error" role="alert">
      <h3>{forbidden ? 'Your role does not allow this' : 'The server reported an error'}</h3>
      <p>{error.message}</p>
    </div>
  );
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
