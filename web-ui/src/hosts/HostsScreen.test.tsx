import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiClient } from '../api/client';
import type { Session } from '../auth/signIn';
import { HostsScreen } from './HostsScreen';
import { hostJson } from '../testing/hostFixture';
import { startServer, type Exchange, type Reply } from '../testing/httpServer';

function vim(req: Exchange): Reply | undefined {
  if (req.path === '/vim/v1/hosts' && req.method === 'GET') return { status: 200, json: [hostJson] };
  if (req.path === '/vim/v1/hosts/h1/refresh' && req.method === 'POST') return { status: 200, json: hostJson };
}

const session = (url: string, role: Session['role']): Session => ({ api: new ApiClient({ kind: 'bearer', token: 't' }, url), username: 'u', role, roleKnown: true });

describe('HostsScreen', () => {
  it('draws each registered host and lets an admin re-read one through libvirt', async () => {
    const server = await startServer(vim);
    try {
      render(<HostsScreen session={session(server.url, 'ADMIN')} pollMs={60_000} />);
      await screen.findByTestId('cell-0');
      fireEvent.click(screen.getByRole('button', { name: 'Refresh edge-1 from libvirt' }));
      await waitFor(() => expect(server.requests.some((r) => r.method === 'POST' && r.path === '/vim/v1/hosts/h1/refresh')).toBe(true));
    } finally {
      await server.close();
    }
  });

  it('offers no refresh to an operator', async () => {
    const server = await startServer(vim);
    try {
      render(<HostsScreen session={session(server.url, 'OPERATOR')} pollMs={60_000} />);
      await screen.findByTestId('cell-0');
      expect(screen.queryByRole('button', { name: /^Refresh/ })).toBeNull();
    } finally {
      await server.close();
    }
  });
});
