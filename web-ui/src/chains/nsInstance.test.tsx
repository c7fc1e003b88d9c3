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
