import { fireEvent, render, screen, within } from '@testing-library/react';
import { ApiClient } from '../api/client';
import type { Session } from '../auth/signIn';
import { CatalogScreen } from './CatalogScreen';
import { brokenProblem, brokenVnfd, firewallVnfd } from '../testing/fixtures';
import { problem, startServer, type Exchange, type Reply } from '../testing/httpServer';

/** A catalog holding one onboarded firewall package, rejecting broken uploads the way the orchestrator does. */
function catalog() {
  const packages: Record<string, unknown>[] = [{
    id: 'p1', vnfdId: '7f1c6a2e-firewall', vnfProvider: 'mano.dev', vnfProductName: 'firewall', vnfSoftwareVersion: '1.2',
    onboardingState: 'ONBOARDED', operationalState: 'ENABLED', usageState: 'NOT_IN_USE',
  }];
  return (req: Exchange): Reply | undefined => {
    const path = req.path;
    if (path === '/vnfpkgm/v1/vnf_packages' && req.method === 'GET') return { status: 200, json: packages };
    if (path === '/vnfpkgm/v1/vnf_packages' && req.method === 'POST') {
      packages.push({ id: 'p2', onboardingState: 'CREATED', operationalState: 'DISABLED', usageState: 'NOT_IN_USE' });
      return { status: 201, json: packages[1] };
    }
    if (path === '/vnfpkgm/v1/vnf_packages/p2/package_content') return problem(422, brokenProblem);
    if (path === '/vnfpkgm/v1/vnf_packages/p2') return { status: 200, json: packages[1] };
    if (path === '/vnfpkgm/v1/vnf_packages/p1/vnfd') return { status: 200, text: firewallVnfd, contentType: 'text/plain' };
    if (path === '/vnfpkgm/v1/vnf_packages/p1' && req.method === 'PATCH') {
      packages[0].operationalState = JSON.parse(req.body.toString()).operationalState;
      return { status: 200, json: { operationalState: packages[0].operationalState } };
    }
    // /nsd/v1/ns_descriptors is not built on this server: 404
  };
}

function session(url: string, role: Session['role'] = 'OPERATOR'): Session {
  return { api: new ApiClient({ kind: 'bearer', token: 't' }, url), username: 'op', role, roleKnown: true };
}

describe('CatalogScreen', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => { server = await startServer(catalog()); });
  afterEach(() => server.close());

  it('lists packages and says plainly that NSDs are not served here', async () => {
    render(<CatalogScreen session={session(server.url)} pollMs={60_000} />);
    const table = await screen.findByTestId('packages');
    expect(within(table).getByText('firewall')).toBeTruthy();
    expect(within(table).getByText('ONBOARDED')).toBeTruthy();
    expect(await screen.findByText('NS descriptors: not available on this server')).toBeTruthy();
  });

  it('shows a dropped broken VNFD with the error at the line of the named field', async () => {
    render(<CatalogScreen session={session(server.url)} pollMs={60_000} />);
    await screen.findByTestId('packages');
    const dropped = new File([brokenVnfd], 'broken.yaml', { type: 'application/yaml' });
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [dropped] } });
    const card = await screen.findByTestId('upload-card');
    const marked = await within(card).findByTestId('marked-line');
    expect(marked.textContent).toContain('num_virtual_cpu: three');
    expect(marked.textContent).toContain('expected a positive integer');
    expect(within(card).getByText('ERROR')).toBeTruthy();
  });

  it('renders the VNFD of a package: flavour, VDU and EPA needs', async () => {
    render(<CatalogScreen session={session(server.url)} pollMs={60_000} />);
    fireEvent.click(await screen.findByRole('button', { name: 'firewall' }));
    const vdu = await screen.findByLabelText('VDU fw');
    expect(within(vdu).getByText('Thread policy').nextSibling?.textContent).toBe('isolate');
    expect(within(vdu).getByText('Page size').nextSibling?.textContent).toBe('2MB');
    expect(within(vdu).getByText('PMD lcores').nextSibling?.textContent).toBe('2');
    expect(within(vdu).getByText('sriov-vf')).toBeTruthy();
    expect(screen.getByText('small')).toBeTruthy();
  });

  it('disables a package through PATCH operationalState', async () => {
    render(<CatalogScreen session={session(server.url)} pollMs={60_000} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disable' }));
    await screen.findByRole('button', { name: 'Enable' });
    const patch = server.requests.find((r) => r.method === 'PATCH')!;
    expect(JSON.parse(patch.body.toString())).toEqual({ operationalState: 'DISABLED' });
  });

  it('offers no upload or actions to a viewer', async () => {
    render(<CatalogScreen session={session(server.url, 'VIEWER')} pollMs={60_000} />);
    await screen.findByTestId('packages');
    expect(screen.getByTestId('dropzone').getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Disable' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
