const tone: Record<string, string> = {
  ONBOARDED: 'ok', ENABLED: 'ok', COMPLETED: 'ok', INSTANTIATED: 'ok', STARTED: 'ok',
  ERROR: 'bad', FAILED: 'bad', FAILED_TEMP: 'bad', ROLLED_BACK: 'warn',
  DISABLED: 'muted', NOT_IN_USE: 'muted', NOT_INSTANTIATED: 'muted',
  PROCESSING: 'busy', UPLOADING: 'busy', STARTING: 'busy', ROLLING_BACK: 'busy', CREATED: 'busy',
};

export function StateBadge({ state }: { state?: string }) {
  if (!state) return <span className="muted">—</span>;
  return <span className={`badge ${tone[state] ?? ''}`}>{state}</span>;
}
