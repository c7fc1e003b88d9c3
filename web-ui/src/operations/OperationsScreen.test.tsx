import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApiClient } from '../api/client';
import type { Session } from '../auth/signIn';
import { OperationsScreen } from './OperationsScreen';
import { startServer, type Exchange, type Reply } from '../testing/httpServer';

const failed = {
  id: 'op-1', operationState: 'FAILED_TEMP', operation: 'INSTANTIATE', vnfInstanceId: '9d2c1f00-aaaa-4bbb-8ccc-000000000001',
  startTime: '2026-11-26T23:00:00Z', stateEnteredTime: '2026-11-26T23:00:05Z', isAutomaticInvocation: false,
  progress: { percent: 40, detail: 'waiting for the agent hello' },
  error: { status: 504, title: 'Agent did not answer', detail: 'no hello from fw-0 within 120 s' },
};
const running = { ...failed, id: 'op-2', operation: 'SCALE', operationState: 'PROCESSING', startTime: '2026-11-26T23:01:00Z', isAutomaticInvocation: true, error: undefined, progress: { percent: 70, detail: 'booting fw-1' } };

function vnfm(req: Exchange): Reply | undefined {
  if (req.path === '/vnflcm/v1/vnf_lcm_op_occs') return { status: 200, json: [failed, running] };
  if (req.path === '/vnflcm/v1/vnf_lcm_op_occs/op-1/retry' && req.method === 'POST') return { status: 202 };
  // no NS level on this server
}

describe('OperationsScreen', () => {
  it('shows VNF operations newest first with progress and error, offers retry for FAILED_TEMP, and says the NS level is absent', async () => {
    const server = await startServer(vnfm);
    try {
      const session: Session = { api: new ApiClient({ kind: 'bearer', token: 't' }, server.url), username: 'op', role: 'OPERATOR', roleKnown: true };
      render(<OperationsScreen session={session} pollMs={60_000} />);
      await screen.findByText('network service operations: not available on this server', { exact: false });
      const ops = await screen.findByTestId('ops');
      const items = within(ops).getAllByRole('listitem');
      expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual(['SCALE', 'INSTANTIATE']);
      expect(within(items[0]).getByText('automatic')).toBeTruthy();
      expect(within(items[0]).getByText('70% · booting fw-1')).toBeTruthy();
      expect(within(items[0]).queryByRole('button', { name: 'Retry' })).toBeNull();
      expect(within(items[1]).getByText('no hello from fw-0 within 120 s')).toBeTruthy();
      fireEvent.click(within(items[1]).getByRole('button', { name: 'Retry' }));
      await waitFor(() => expect(server.requests.some((r) => r.method === 'POST' && r.path === '/vnflcm/v1/vnf_lcm_op_occs/op-1/retry')).toBe(true));
      await waitFor(() => expect(server.requests.filter((r) => r.path === '/vnflcm/v1/vnf_lcm_op_occs')).toHaveLength(2)); // re-read after the action
    } finally {
      await server.close();
    }
  });
});

describe('toOpView', () => {
  it('reads the per-VNF progress of an NS operation', async () => {
    const { toOpView } = await import('./opOcc');
    const op = toOpView({
      id: 'n1', operationState: 'PROCESSING', lcmOperationType: 'INSTANTIATE', nsInstanceId: 'ns',
      progress: { detail: 'instantiating members', percent: 50, vnfs: [{ vnfInstanceId: '37c26853-0000-4000-8000-000000000000', operation: 'INSTANTIATE', operationState: 'PROCESSING', percent: 50, detail: 'booting' }] },
    });
    expect(op.progress).toEqual({ percent: 50, detail: 'instantiating members' });
    expect(op.vnfProgress).toEqual([{ vnf: '37c26853', state: 'PROCESSING', step: 'INSTANTIATE: booting', percent: 50 }]);
  });
});
