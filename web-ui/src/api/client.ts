import { ApiError, parseProblem, problemFrom, type Problem } from './problem';

export interface Credentials {
  username: string;
  password: string;
}

export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

/** How requests prove who sends them: a bearer token from /oauth2/token, or HTTP Basic. */
export type Authorization = { kind: 'bearer'; token: string } | { kind: 'basic'; credentials: Credentials };

export function basic(credentials: Credentials): Authorization {
  return { kind: 'basic', credentials };
}

/**
 * The orchestrator's REST API as the signed-in user. Requests carry their Authorization header
 * and `credentials: 'omit'`: per the Fetch standard a 401 with a Basic challenge then comes back
 * to the app instead of opening the browser's own login dialog (which would hang the request).
 * `X-Requested-With` marks the calls as the app's own, so a server can answer 401 without a
 * Basic challenge (which makes browsers pop up their own login dialog).
 */
export class ApiClient {
  /** Called on any 401 after sign-in: the token expired or the account changed. */
  onUnauthorized?: () => void;

  constructor(
    readonly authorization: Authorization,
    private readonly baseUrl = '',
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const a = this.authorization;
    const value = a.kind === 'bearer' ? `Bearer ${a.token}` : `Basic ${btoa(`${a.credentials.username}:${a.credentials.password}`)}`;
    return {
      Authorization: value,
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json, application/problem+json',
      ...extra,
    };
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method, headers: this.headers(), credentials: 'omit' };
    if (body !== undefined) {
      init.headers = this.headers({ 'Content-Type': 'application/json' });
      init.body = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, init);
    if (!response.ok) throw this.failed(response.status, await problemFrom(response));
    return response;
  }

  private failed(status: number, problem: Problem | undefined): ApiError {
    if (status === 401) this.onUnauthorized?.();
    return new ApiError(status, problem);
  }

  async get<T>(path: string): Promise<T> {
    return (await this.request('GET', path)).json() as Promise<T>;
  }

  async getText(path: string, accept = 'text/plain, application/yaml, */*'): Promise<string> {
    const response = await fetch(this.baseUrl + path, { headers: this.headers({ Accept: accept }), credentials: 'omit' });
    if (!response.ok) throw this.failed(response.status, await problemFrom(response));
    return response.text();
  }

  /** An open text/event-stream response (see readSse). */
  async stream(path: string, signal: AbortSignal): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { headers: this.headers({ Accept: 'text/event-stream' }), signal, credentials: 'omit' });
    if (!response.ok || !response.body) throw this.failed(response.status, await problemFrom(response));
    return response;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await this.request('POST', path, body);
    return (response.status === 204 ? undefined : await jsonOrUndefined(response)) as T;
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    const response = await this.request('PATCH', path, body);
    return (await jsonOrUndefined(response)) as T;
  }

  async delete(path: string): Promise<void> {
    await this.request('DELETE', path);
  }

  /**
   * PUT a file with upload progress. fetch() cannot report upload progress, XMLHttpRequest can.
   */
  upload(path: string, file: Blob, contentType: string, onProgress?: UploadProgress): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', this.baseUrl + path);
      for (const [name, value] of Object.entries(this.headers({ 'Content-Type': contentType }))) {
        xhr.setRequestHeader(name, value);
      }
      xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(this.failed(xhr.status, parseProblem(xhr.responseText, xhr.getResponseHeader('content-type'))));
      };
      xhr.onerror = () => reject(new ApiError(0, { title: 'Network error', detail: 'The upload did not reach the server' }));
      xhr.send(file);
    });
  }
}

async function jsonOrUndefined(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}
