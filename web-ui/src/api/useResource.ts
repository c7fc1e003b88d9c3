import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from './client';
import { ApiError } from './problem';

/** What a screen knows about one server resource. */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'unavailable'; path: string }
  | { status: 'error'; error: ApiError | Error };

/**
 * Reads `path` and re-reads it every `pollMs` (live state until the SSE streams exist).
 * A 404 on the path itself means the endpoint is not built on this server: 'unavailable',
 * never an empty list that would look like real data.
 */
export function useResource<T>(api: ApiClient, path: string | undefined, pollMs?: number): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    if (!path) return;
    const mine = ++generation.current;
    try {
      const data = await api.get<T>(path);
      if (mine === generation.current) setState({ status: 'ok', data });
    } catch (e) {
      if (mine !== generation.current) return;
      if (e instanceof ApiError && e.notFound) setState({ status: 'unavailable', path });
      else setState({ status: 'error', error: e as Error });
    }
  }, [api, path]);

  useEffect(() => {
    setState({ status: 'loading' });
    void load();
    if (!pollMs) return;
    const timer = setInterval(() => void load(), pollMs);
    return () => clearInterval(timer);
  }, [load, pollMs]);

  return [state, load];
}
