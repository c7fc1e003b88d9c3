import type { Problem } from '../api/problem';

/** An LCM operation occurrence, NS level (SOL005 NsLcmOpOcc) or VNF level (SOL003 VnfLcmOpOcc), as the list shows it. */
export interface OpView {
  id: string;
  type: string;
  state: string;
  subject?: string;
  startTime?: string;
  stateEnteredTime?: string;
  automatic: boolean;
  error?: Problem;
  progress?: { percent: number; detail?: string };
  vnfProgress: { vnf: string; state?: string; step?: string; percent?: number }[];
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function toOpView(raw: unknown): OpView {
  const op = obj(raw);
  const progress = obj(op.progress);
  const error = obj(op.error);
  return {
    id: text(op.id) ?? '?',
    type: text(op.lcmOperationType) ?? text(op.operation) ?? 'operation',
    state: text(op.operationState) ?? 'UNKNOWN',
    subject: text(op.nsInstanceId) ?? text(op.vnfInstanceId),
    startTime: text(op.startTime),
    stateEnteredTime: text(op.stateEnteredTime),
    automatic: op.isAutomaticInvocation === true,
    error: Object.keys(error).length > 0 ? (error as Problem) : undefined,
    progress: typeof progress.percent === 'number' ? { percent: progress.percent, detail: text(progress.detail) } : undefined,
    // per-VNF progress: `progress.vnfs` (the orchestrator's NS op view) or `vnfProgress`
    vnfProgress: (Array.isArray(progress.vnfs) ? progress.vnfs : Array.isArray(op.vnfProgress) ? op.vnfProgress : []).map((p) => {
      const v = obj(p);
      return {
        vnf: text(v.vnfName) ?? text(v.vnfInstanceId)?.slice(0, 8) ?? '?',
        state: text(v.operationState),
        step: [text(v.operation), text(v.step) ?? text(v.detail)].filter(Boolean).join(': ') || undefined,
        percent: typeof v.percent === 'number' ? v.percent : undefined,
      };
    }),
  };
}

/** Newest first. */
export function byStartDescending(a: OpView, b: OpView): number {
  return String(b.startTime ?? '').localeCompare(String(a.startTime ?? ''));
}
