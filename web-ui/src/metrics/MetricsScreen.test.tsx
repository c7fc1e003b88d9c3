import { render, screen, within } from '@testing-library/react';
import { ApiClient } from '../api/client';
import type { Session } from '../auth/signIn';
import { MetricsScreen } from './MetricsScreen';
import { firewallVnfd } from '../testing/fixtures';
import { startServer, type Exchange, type Reply } from '../testing/httpServer';

const indicators = (busy: number) => [
  { id: 'busy_ratio_max', name: 'Busy ratio, busiest lcore', value: busy, vnfInstanceId: 'v1' },
  { id: 'rx_pps', name: 'Rx packets/s', value: 14_880_000, vnfInstanceId: 'v1' },
  { id: 'counter.acl_denied', name: 'acl_denied', value: 42, vnfInstanceId: 'v1' },
];

/** VNFM monitoring as the orchestrator serves it: current indicators, the SSE stream, the VNF and its package. */
function vnfm(req: Exchange): Reply | undefined {
  switch (req.path) {
    case '/vnfind/v1/indicators': return { status: 200, json: indicators(0.5) };
    case '/vnfind/v1/stream': return { status: 200, sse: `event:indicators\ndata:${JSON.stringify({ vnfInstanceId: 'v1', vnfcId: 'c1', indicators: indicators(0.93) })}\n\n` };
    case '/vnflcm/v1/vnf_instances/v1': return { status: 200, json: { id: 'v1', vnfInstanceName: 'fw-edge', vnfdId: '7f1c6a2e-firewall', vnfPkgId: 'p1' } };
    case '/vnfpkgm/v1/vnf_packages': return { status: 200, json: [{ id: 'p1', vnfdId: '7f1c6a2e-firewall', onboardingState: 'ONBOARDED' }] };
    case '/vnfpkgm/v1/vnf_packages/p1/vnfd': return { status: 200, text: firewallVnfd };
    case '/vnflcm/v1/vnf_lcm_op_occs': return { status: 200, json: [{ id: 'o1', vnfInstanceId: 'v1', operation: 'SCALE', operationState: 'COMPLETED', startTime: new Date(Date.now() + 200).toISOString(), isAutomaticInvocation: true, operationParams: { type: 'SCALE_OUT' } }] };
  }
}

describe('MetricsScreen', () => {
  it('charts a VNF live from the stream, with its VNFD thresholds and scaling events', async () => {
    const server = await startServer(vnfm);
    try {
      const session: Session = { api: new ApiClient({ kind: 'bearer', token: 't' }, server.url), username: 'v', role: 'VIEWER', roleKnown: true };
      render(<MetricsScreen session={session} pollMs={60_000} />);
      await screen.findByText('live (SSE)');
      const vnf = await screen.findByRole('region', { name: 'Metrics of VNF fw-edge' });
      const busy = within(vnf).getByRole('img', { name: 'busy ratio (busiest lcore), latest 0.930' });
      expect(within(busy).getByText('scale out > 0.8')).toBeTruthy();
      expect(within(busy).getByText('scale in < 0.3')).toBeTruthy();
      expect(await within(busy).findByText('scale out (auto)')).toBeTruthy();
      expect(within(vnf).getByRole('img', { name: 'rx, latest 14.88 Mpps' })).toBeTruthy();
      expect(within(vnf).getByText('acl_denied')).toBeTruthy();
    } finally {
      await server.close();
    }
  });

  it('says so when the server has no indicators endpoint', async () => {
    const server = await startServer(() => undefined);
    try {
      const session: Session = { api: new ApiClient({ kind: 'bearer', token: 't' }, server.url), username: 'v', role: 'VIEWER', roleKnown: true };
      render(<MetricsScreen session={session} pollMs={60_000} />);
      await screen.findByText('VNF indicators: not available on this server');
    } finally {
      await server.close();
    }
  });
});
