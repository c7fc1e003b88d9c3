import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import { readSse } from '../api/sse';
import { append, readingsFrom, type Series } from './series';

export const indicatorsPath = '/vnfind/v1/indicators';
export const streamPath = '/vnfind/v1/stream';

export type FeedStatus =
  | { kind: 'starting' }
  | { kind: 'live' }
  | { kind: 'polling'; why: string }
  | { kind: 'unavailable' }
  | { kind: 'error'; error: Error };

/**
 * Indicator readings as they arrive: one GET for the current values, then the SSE stream
 * (one `indicators` event per VNF report). When the stream cannot be had, polls instead and says so.
 */
export function useIndicatorFeed(api: ApiClient, pollMs = 1000): { status: FeedStatus; series: Series } {
  const [series, setSeries] = useState<Series>(new Map());
  const [status, setStatus] = useState<FeedStatus>({ kind: 'starting' });

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setInterval> | undefined;
    const record = (indicators: unknown) => setSeries((s) => append(s, readingsFrom(indicators, Date.now())));
    const stopPolling = () => { if (timer) clearInterval(timer); timer = undefined; };

    const poll = async () => {
      try {
        record(await api.get<unknown>(indicatorsPath));
      } catch (e) {
        if (!abort.signal.aborted) setStatus(e instanceof ApiError && e.notFound ? { kind: 'unavailable' } : { kind: 'error', error: e as Error });
      }
    };
    const startPolling = (why: string) => {
      if (abort.signal.aborted) return;
      setStatus({ kind: 'polling', why });
      timer ??= setInterval(poll, pollMs);
    };

    (async () => {
      try {
        record(await api.get<unknown>(indicatorsPath));
      } catch (e) {
        if (abort.signal.aborted) return;
        setStatus(e instanceof ApiError && e.notFound ? { kind: 'unavailable' } : { kind: 'error', error: e as Error });
        return;
      }
      // A stream answers its headers only with its first event: poll until that event arrives.
      startPolling('stream open, no event yet');
      try {
        const response = await api.stream(streamPath, abort.signal);
        for await (const event of readSse(response.body!)) {
          if (event.event !== 'indicators') continue;
          stopPolling();
          setStatus({ kind: 'live' });
          record((JSON.parse(event.data) as { indicators?: unknown }).indicators);
        }
        startPolling('the stream ended');
      } catch (e) {
        startPolling(e instanceof ApiError ? `the stream answered ${e.status}` : 'the stream broke');
      }
    })();
    return () => {
      abort.abort();
      stopPolling();
    };
  }, [api, pollMs]);

  return { status, series };
}
