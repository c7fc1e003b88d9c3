import { ApiClient, basic, type Credentials } from '../api/client';
import { ApiError, problemFrom } from '../api/problem';
import { isRole, type Role } from './role';

export interface Session {
  api: ApiClient;
  username: string;
  role: Role;
  /** false when the server does not say the role and the UI inferred it from what it may read */
  roleKnown: boolean;
}

export type SignInResult =
  | { kind: 'signed-in'; session: Session }
  | { kind: 'rejected'; reason: string };

const unreachable: SignInResult = { kind: 'rejected', reason: 'The server cannot be reached' };
const wrong: SignInResult = { kind: 'rejected', reason: 'Wrong user name or password' };

/**
 * Signs in the SOL013 way: the user is an OAuth2 client, POST /oauth2/token with the
 * client-credentials grant gives a bearer token and the role (scope). The password is not
 * kept. A server without a token endpoint gets HTTP Basic on each call instead.
 */
export async function signIn(credentials: Credentials, baseUrl = ''): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/oauth2/token`, {
      method: 'POST',
      credentials: 'omit', // a 401 must reach the app, not open the browser's Basic dialog
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: credentials.username, client_secret: credentials.password }),
    });
  } catch {
    return unreachable;
  }
  if (response.status === 401 || response.status === 400) return wrong;
  if (response.ok) {
    const token = (await response.json()) as { access_token: string; scope?: string };
    const role = roleFromScope(token.scope) ?? roleFromJwt(token.access_token);
    const api = new ApiClient({ kind: 'bearer', token: token.access_token }, baseUrl);
    return { kind: 'signed-in', session: { api, username: credentials.username, role: role ?? 'VIEWER', roleKnown: role !== undefined } };
  }
  if (response.status !== 404 && response.status !== 405) {
    const problem = await problemFrom(response);
    return { kind: 'rejected', reason: `The server answered ${response.status}: ${problem?.detail ?? problem?.title ?? response.statusText}` };
  }
  return signInWithBasic(credentials, baseUrl);
}

/** No token endpoint: a 401 means wrong credentials, and access to the admin-only /users tells admins from the rest. */
async function signInWithBasic(credentials: Credentials, baseUrl: string): Promise<SignInResult> {
  const api = new ApiClient(basic(credentials), baseUrl);
  try {
    await api.get('/users');
    return signedIn(api, credentials, 'ADMIN');
  } catch (e) {
    if (!(e instanceof ApiError)) return unreachable;
    if (e.status === 401) return wrong;
    if (e.status === 404) return signedIn(api, credentials, 'ADMIN');
    // 403: a valid user below admin; the server enforces OPERATOR vs VIEWER on each write.
    return signedIn(api, credentials, 'OPERATOR');
  }
}

function signedIn(api: ApiClient, credentials: Credentials, role: Role): SignInResult {
  return { kind: 'signed-in', session: { api, username: credentials.username, role, roleKnown: false } };
}

function roleFromScope(scope: string | undefined): Role | undefined {
  const names = (scope ?? '').toUpperCase().split(/\s+/);
  return (['ADMIN', 'OPERATOR', 'VIEWER'] as const).find((r) => names.includes(r));
}

/** The token's `roles` claim (ROLE_ADMIN, ROLE_OPERATOR, ...): the highest one wins. */
export function roleFromJwt(token: string): Role | undefined {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { roles?: unknown };
    const names = (Array.isArray(payload.roles) ? payload.roles : []).map((r) => String(r).replace(/^ROLE_/, ''));
    const role = (['ADMIN', 'OPERATOR', 'VIEWER'] as const).find((r) => names.includes(r));
    return isRole(role) ? role : undefined;
  } catch {
    return undefined;
  }
}
