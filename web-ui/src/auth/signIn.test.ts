import { signIn, roleFromJwt } from './signIn';
import { problem, startServer, type Route } from '../testing/httpServer';

async function withServer(route: Route, run: (url: string, requests: Awaited<ReturnType<typeof startServer>>['requests']) => Promise<void>) {
  const server = await startServer(route);
  try {
    await run(server.url, server.requests);
  } finally {
    await server.close();
  }
}

const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** The orchestrator's token endpoint: form-encoded client credentials, RFC 6749 errors. */
const tokenEndpoint = (users: Record<string, [string, string]>): Route => (req) => {
  if (req.path !== '/oauth2/token' || req.method !== 'POST') return undefined;
  const form = new URLSearchParams(req.body.toString());
  const user = users[form.get('client_id') ?? ''];
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, json: { error: 'unsupported_grant_type' } };
  if (!user || user[0] !== form.get('client_secret')) return { status: 401, json: { error: 'invalid_client' } };
  return { status: 200, json: { access_token: jwt({ sub: 'x', roles: [`ROLE_${user[1]}`] }), token_type: 'Bearer', expires_in: 3600, scope: user[1].toLowerCase() } };
};

describe('signIn', () => {
  it('gets a bearer token and the role from /oauth2/token, and calls the API with the token', () =>
    withServer((req) => tokenEndpoint({ op: ['pw', 'OPERATOR'] })(req) ?? (req.path === '/vim/v1/hosts' ? { status: 200, json: [] } : undefined), async (url, requests) => {
      const result = await signIn({ username: 'op', password: 'pw' }, url);
      if (result.kind !== 'signed-in') throw new Error(result.reason);
      expect([result.session.role, result.session.roleKnown]).toEqual(['OPERATOR', true]);
      await result.session.api.get('/vim/v1/hosts');
      expect(requests[1].headers.authorization).toMatch(/^Bearer e30\./);
      expect(requests[1].headers['x-requested-with']).toBe('XMLHttpRequest');
    }));

  it('rejects a wrong password', () =>
    withServer(tokenEndpoint({ op: ['pw', 'OPERATOR'] }), async (url) => {
      expect(await signIn({ username: 'op', password: 'nope' }, url)).toEqual({ kind: 'rejected', reason: 'Wrong user name or password' });
    }));

  it('falls back to HTTP Basic without a token endpoint: admins may read /users, others get 403', async () => {
    const route = (adminOk: boolean): Route => (req) => {
      if (req.path === '/users') {
        if (!req.headers.authorization?.startsWith('Basic ')) return problem(401, {});
        return adminOk ? { status: 200, json: [] } : problem(403, { title: 'Forbidden' });
      }
    };
    await withServer(route(true), async (url) => {
      const r = await signIn({ username: 'admin', password: 'x' }, url);
      expect(r.kind === 'signed-in' && [r.session.role, r.session.roleKnown]).toEqual(['ADMIN', false]);
    });
    await withServer(route(false), async (url) => {
      const r = await signIn({ username: 'op', password: 'x' }, url);
      expect(r.kind === 'signed-in' && r.session.role).toBe('OPERATOR');
    });
    await withServer(() => problem(401, {}), async (url) => {
      expect((await signIn({ username: 'op', password: 'x' }, url)).kind).toBe('rejected');
    });
  });

  it('reads the highest role from a token', () => {
    expect(roleFromJwt(jwt({ roles: ['ROLE_VIEWER', 'ROLE_OPERATOR', 'ROLE_ADMIN'] }))).toBe('ADMIN');
    expect(roleFromJwt(jwt({ roles: ['ROLE_VIEWER'] }))).toBe('VIEWER');
    expect(roleFromJwt('not a token')).toBeUndefined();
  });
});
