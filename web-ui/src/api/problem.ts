/**
 * RFC 9457 problem details as the orchestrator sends them. Descriptor validation adds
 * `file` (inside a CSAR), `path` (inside the YAML document) and `expected`.
 */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  file?: string;
  path?: string;
  expected?: string;
  [extension: string]: unknown;
}

/** An HTTP answer that was not a success, with the problem body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** 404 (or 405: the path exists for other methods only) on a collection means the endpoint is not built on this server (yet). */
  get notFound(): boolean {
    return this.status === 404 || this.status === 405;
  }
}

/** The last segment of a problem type URI is its stable slug (e.g. "descriptor-invalid"). */
export function problemSlug(problem: Problem | undefined): string | undefined {
  if (!problem?.type) return undefined;
  const parts = problem.type.split('/');
  return parts[parts.length - 1] || undefined;
}

export async function problemFrom(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

export function parseProblem(text: string, contentType: string | null): Problem | undefined {
  if (!contentType?.includes('json') || !text) return undefined;
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return undefined;
  }
}
