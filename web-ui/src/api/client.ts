import { ApiError, parseProblem, problemFrom } from './problem';

export interface Credentials {
  username: string;
  password: string;
}

export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

/**
 * The orchestrator's REST API with the signed-in user's HTTP Basic credentials.
 * `X-Requested-With` asks Spring Security for a bare 401 instead of a Basic challenge,
 * so a browser does not pop up its own login dialog over the app.
 */
export class ApiClient {
  constructor(
    readonly credentials: Credentials,
    private readonly baseUrl = '',
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const token = btoa(`${this.credentials.username}:${this.credentials.password}`);
    return {
      Authorization: `Basic ${token}`,
      'X-Requested-With': 'XMLHttpRequest',
      Accept: 'application/json, application/problem+json',
      ...extra,
    };
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method, headers: this.headers() };
    if (body !== undefined) {
      init.headers = this.headers({ 'Content-Type': 'application/json' });
      init.body = JSON.stringify(body);
    }
    const response = await fetch(this.baseUrl + path, init);
    if (!response.ok) throw new ApiError(response.status, await problemFrom(response));
    return response;
  }

  async get<T>(path: string): Promise<T> {
    return (await this.request('GET', path)).json() as Promise<T>;
  }

  async getText(path: string, accept = 'text/plain, application/yaml, */*'): Promise<string> {
    const response = await fetch(this.baseUrl + path, { headers: this.headers({ Accept: accept }) });
    if (!response.ok) throw new ApiError(response.status, await problemFrom(response));
    return response.text();
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
        else reject(new ApiError(xhr.status, parseProblem(xhr.responseText, xhr.getResponseHeader('content-type'))));
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
