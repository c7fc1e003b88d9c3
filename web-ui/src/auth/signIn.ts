import { ApiClient, type Credentials } from '../api/client';
import { ApiError } from '../api/problem';
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

/**
 * Checks the credentials against the server and finds the user's role.
 * `GET /auth/me` says it directly when the server has it; without it, a 401 still means
 * wrong credentials and access to the admin-only `/users` tells admins from the rest.
 */
export async function signIn(credentials: Credentials, baseUrl = ''): Promise<SignInResult> {
  const api = new ApiClient(credentials, baseUrl);
  try {
    const me = await api.get<{ username?: string; role?: unknown; roles?: unknown[] }>('/auth/me');
    const role = isRole(me.role) ? me.role : highest(me.roles);
    if (role) return { kind: 'signed-in', session: { api, username: me.username ?? credentials.username, role, roleKnown: true } };
  } catch (e) {
    if (!(e instanceof ApiError)) return { kind: 'rejected', reason: 'The server cannot be reached' };
    if (e.status === 401) return { kind: 'rejected', reason: 'Wrong user name or password' };
    if (e.status !== 404) return { kind: 'rejected', reason: `The server answered ${e.status}: ${e.message}` };
  }
  try {
    await api.get('/users');
    return signedIn(api, credentials, 'ADMIN');
  } catch (e) {
    if (!(e instanceof ApiError)) return { kind: 'rejected', reason: 'The server cannot be reached' };
    if (e.status === 401) return { kind: 'rejected', reason: 'Wrong user name or password' };
    if (e.status === 404) return signedIn(api, credentials, 'ADMIN');
    // 403: a valid user below admin; the server enforces OPERATOR vs VIEWER on each write.
    return signedIn(api, credentials, 'OPERATOR');
  }
}

function signedIn(api: ApiClient, credentials: Credentials, role: Role): SignInResult {
  return { kind: 'signed-in', session: { api, username: credentials.username, role, roleKnown: false } };
}

function highest(roles: unknown[] | undefined): Role | undefined {
  const names = (roles ?? []).map((r) => String(r).replace(/^ROLE_/, ''));
  return (['ADMIN', 'OPERATOR', 'VIEWER'] as const).find((r) => names.includes(r));
}
