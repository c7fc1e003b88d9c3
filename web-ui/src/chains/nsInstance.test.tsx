import { render, screen } from '@testing-library/react';
import { ChainGraph } from './ChainGraph';
import { toChainView } from './nsInstance';
import { parseParams } from './InstantiateWizard';

const ns = {
  id: 'ns1',
  nsInstanceName: 'edge-chain',
  nsdId: 'fw-nat-router',
  nsState: 'INSTANTIATED',
  vnfInstance: [
    { id: 'v-router', vnfInstanceName: 'router', instantiationState: 'INSTANTIATED', instantiatedVnfInfo: { vnfState: 'STARTED' }, placement: { host: 'edge-1', cell: 1 } },
    { id: 'v-fw', vnfInstanceName: 'firewall', instantiationState: 'INSTANTIATED', instantiatedVnfInfo: { vnfState: 'STARTED', scaleStatus: [{ aspectId: 'fw_workers', scaleLevel: 0 }] }, placement: { host: 'edge-1', cell: 0 } },
    { id: 'v-nat', vnfInstanceName: 'nat44', instantiationState: 'INSTANTIATED', instantiatedVnfInfo: { vnfState: 'STOPPED' }, placement: { host: 'edge-2', cell: 0 } },
  ],
  links: [
    { from: 'v-fw', to: 'v-nat', path: 'VF/VLAN 101' },
    { from: 'v-nat', to: 'v-router', path: 'vhost-user' },
  ],
};

describe('toChainView', () => {
  it('orders the VNFs along the links, whatever order the instance lists them in', () => {
    const chain = toChainView(ns);
    expect(chain.vnfs.map((v) => v.name)).toEqual(['firewall', 'nat44', 'router']);
    expect(chain.vnfs[0]).toMatchObject({ state: 'STARTED', host: 'edge-1', cell: '0', aspects: ['fw_workers'] });
  });

  it('falls back to the forwarding graph order when links are not realised yet', () => {
    const chain = toChainView({ ...ns, links: undefined, vnffgInfo: [{ vnfInstanceId: ['v-fw', 'v-nat', 'v-router'] }] });
    expect(chain.links).toEqual([{ from: 'v-fw', to: 'v-nat' }, { from: 'v-nat', to: 'v-router' }]);
    expect(chain.vnfs.map((v) => v.name)).toEqual(['firewall', 'nat44', 'router']);
  });
});

describe('ChainGraph', () => {
  it('draws VNFs with state, host and cell, and labels links with their realised path', () => {
    render(<ChainGraph chain={toChainView(ns)} />);
    expect(screen.getByRole('img', { name: 'Chain edge-chain: firewall → nat44 → router' })).toBeTruthy();
    expect(screen.getByText('VF/VLAN 101')).toBeTruthy();
    expect(screen.getByText('vhost-user')).toBeTruthy();
    expect(screen.getByText('edge-2 · cell 0')).toBeTruthy();
    expect(screen.getByText('STOPPED')).toBeTruthy();
  });
});

describe('parseParams', () => {
  it('reads key=value lines and ignores the rest', () => {
    expect(parseParams('a=1\n\nnot a pair\n b = x=y ')).toEqual({ a: '1', b: 'x=y' });
  });
});

describe('toChainView on the orchestrator NsInstance', () => {
  it('reads members with VNFC host and cell, and chain links by profile with their path kind', () => {
    const chain = toChainView({
      id: 'ns2', nsInstanceName: 'fw-nat-router', nsdId: 'chain', nsState: 'INSTANTIATED',
      vnfInstance: [
        { position: 1, vnfProfileId: 'nat', vnfInstanceId: 'v-nat', vnfProductName: 'nat44', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c2', host: 'edge-1', cell: 0, state: 'RUNNING' }] },
        { position: 0, vnfProfileId: 'fw', vnfInstanceId: 'v-fw', vnfProductName: 'firewall', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c1', host: 'edge-1', cell: 0, state: 'RUNNING' }] },
        { position: 2, vnfProfileId: 'rt', vnfInstanceId: 'v-rt', vnfProductName: 'router', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c3', host: 'edge-2', cell: 1, state: 'RUNNING' }] },
      ],
      chainLinks: [
        { position: 1, name: 'nat_rt', from: 'nat', to: 'rt', pathKind: 'SRIOV_VLAN', details: { vlan: 1234 } },
        { position: 0, name: 'fw_nat', from: 'fw', to: 'nat', pathKind: 'VHOST_USER', details: {} },
      ],
    });
    expect(chain.vnfs.map((v) => [v.name, v.host, v.cell, v.state])).toEqual([
      ['fw', 'edge-1', '0', 'RUNNING'], ['nat', 'edge-1', '0', 'RUNNING'], ['rt', 'edge-2', '1', 'RUNNING'],
    ]);
    expect(chain.links).toEqual([
      { from: 'v-fw', to: 'v-nat', path: 'vhost-user' },
      { from: 'v-nat', to: 'v-rt', path: 'VF/VLAN 1234' },
    ]);
  });
});
