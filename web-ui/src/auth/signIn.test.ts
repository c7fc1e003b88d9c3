import { signIn } from './signIn';
import { problem, startServer, type Route } from '../testing/httpServer';

async function withServer(route: Route, run: (url: string) => Promise<void>) {
  const server = await startServer(route);
  try {
    await run(server.url);
  } finally {
    await server.close();
  }
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('signIn', () => {
  it('rejects wrong credentials on a 401', () =>
    withServer(() => problem(401, { title: 'Unauthorized' }), async (url) => {
      expect(await signIn({ username: 'admin', password: 'nope' }, url)).toEqual({ kind: 'rejected', reason: 'Wrong user name or password' });
    }));

  it('takes the role from /auth/me when the server has it', () =>
    withServer((req) => {
      if (req.headers.authorization !== basic('viewer', 'pw')) return problem(401, {});
      if (req.path === '/auth/me') return { status: 200, json: { username: 'viewer', role: 'VIEWER' } };
    }, async (url) => {
      const result = await signIn({ username: 'viewer', password: 'pw' }, url);
      expect(result.kind === 'signed-in' && [result.session.role, result.session.roleKnown]).toEqual(['VIEWER', true]);
    }));

  it('asks for a bare 401 rather than a browser login dialog', () =>
    withServer((req) => (req.headers['x-requested-with'] === 'XMLHttpRequest' ? { status: 200, json: { username: 'a', roles: ['ROLE_ADMIN', 'ROLE_VIEWER'] } } : problem(400, {})), async (url) => {
      const result = await signIn({ username: 'a', password: 'b' }, url);
      expect(result.kind === 'signed-in' && result.session.role).toBe('ADMIN');
    }));

  it('without /auth/me, tells an admin (may read /users) from the rest (403)', async () => {
    const route = (adminOk: boolean): Route => (req) => {
      if (req.path === '/users') return adminOk ? { status: 200, json: [] } : problem(403, { title: 'Forbidden' });
    };
    await withServer(route(true), async (url) => {
      const r = await signIn({ username: 'admin', password: 'x' }, url);
      expect(r.kind === 'signed-in' && [r.session.role, r.session.roleKnown]).toEqual(['ADMIN', false]);
    });
    await withServer(route(false), async (url) => {
      const r = await signIn({ username: 'op', password: 'x' }, url);
      expect(r.kind === 'signed-in' && r.session.role).toBe('OPERATOR');
    });
  });
});
