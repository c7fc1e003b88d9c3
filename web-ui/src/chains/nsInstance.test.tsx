import { render, screen, within } from '@testing-library/react';
import { ChainGraph } from './ChainGraph';
import { ChainWiring } from './ChainWiring';
import { pathText, toChainView } from './nsInstance';
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

/** As the orchestrator reports an instantiated chain: access points in sapInfo, hops in chainLinks. */
const realised = {
  id: '0a1b2c3d-0000-4000-8000-000000000001', nsInstanceName: 'fw-nat-router', nsdId: 'chain', nsState: 'INSTANTIATED',
  vnfInstance: [
    { position: 0, vnfProfileId: 'fw', vnfInstanceId: 'v-fw', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c1', host: 'edge-1', cell: 0, state: 'RUNNING' }] },
    { position: 1, vnfProfileId: 'nat', vnfInstanceId: 'v-nat', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c2', host: 'edge-1', cell: 1, state: 'RUNNING' }] },
    { position: 2, vnfProfileId: 'rt', vnfInstanceId: 'v-rt', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c3', host: 'edge-2', cell: 0, state: 'RUNNING' }] },
  ],
  chainLinks: [
    { position: 2, name: 'nat_rt', from: 'nat', to: 'rt', pathKind: 'SRIOV_VLAN',
      details: { physicalNetwork: 'physnet-data', vlan: 2417, hosts: ['edge-1', 'edge-2'], hostIds: ['h1', 'h2'], sameHostPreferred: false } },
    { position: 1, name: 'fw_nat', from: 'fw', to: 'nat', pathKind: 'TAP_BRIDGE',
      details: { network: 'mano-0a1b2c3d-1', bridge: 'mn0a1b2c3d-1', hosts: ['edge-1'], hostIds: ['h1'], sameHostPreferred: true, bandwidthMbps: 1000 } },
  ],
  sapInfo: [
    { position: 3, name: 'egress', from: 'rt', to: 'access', pathKind: 'SAP',
      details: { network: 'mano-0a1b2c3d-out', bridge: 'mn0a1b2c3d-out', hosts: ['edge-2'], hostIds: ['h2'] } },
    { position: 0, name: 'ingress', from: 'access', to: 'fw', pathKind: 'SAP',
      details: { network: 'mano-0a1b2c3d-in', bridge: 'mn0a1b2c3d-in', hosts: ['edge-1'], hostIds: ['h1'] } },
  ],
};

/** The x offset of an SVG group placed with translate(x,y). */
const offset = (el: Element | null | undefined) => Number(/translate\(([-\d.]+),/.exec(el?.getAttribute('transform') ?? '')?.[1] ?? NaN);

describe('toChainView with realised links and access points', () => {
  it('reads each hop\'s bridge and hosts, and the two access points with the VNF they attach to', () => {
    const chain = toChainView(realised);
    expect(chain.links).toEqual([
      { from: 'v-fw', to: 'v-nat', path: 'tap/bridge', bridge: 'mn0a1b2c3d-1', hosts: ['edge-1'] },
      { from: 'v-nat', to: 'v-rt', path: 'VF/VLAN 2417', hosts: ['edge-1', 'edge-2'] },
    ]);
    expect(chain.saps).toEqual([
      { side: 'ingress', vnf: 'v-fw', bridge: 'mn0a1b2c3d-in', network: 'mano-0a1b2c3d-in', hosts: ['edge-1'] },
      { side: 'egress', vnf: 'v-rt', bridge: 'mn0a1b2c3d-out', network: 'mano-0a1b2c3d-out', hosts: ['edge-2'] },
    ]);
  });

  it('has no access points for an instance recorded before they were reported', () => {
    const { sapInfo: _, ...older } = realised;
    const chain = toChainView(older);
    expect(chain.saps).toEqual([]);
    expect(chain.vnfs.map((v) => v.name)).toEqual(['fw', 'nat', 'rt']);
  });

  it('takes an access point listed among the links as an access point, not as a hop', () => {
    const { sapInfo, chainLinks, ...rest } = realised;
    const chain = toChainView({ ...rest, chainLinks: [...chainLinks, ...sapInfo.map(({ name: _, ...s }) => s)] });
    expect(chain.links.map((l) => [l.from, l.to])).toEqual([['v-fw', 'v-nat'], ['v-nat', 'v-rt']]);
    expect(chain.saps.map((s) => [s.side, s.vnf, s.bridge])).toEqual([
      ['ingress', 'v-fw', 'mn0a1b2c3d-in'], ['egress', 'v-rt', 'mn0a1b2c3d-out'],
    ]);
  });
});

describe('ChainGraph with access points', () => {
  it('draws ingress left of the first VNF and egress right of the last, each with its bridge and host', () => {
    render(<ChainGraph chain={toChainView(realised)} />);
    const ingress = screen.getByTestId('sap-ingress');
    const egress = screen.getByTestId('sap-egress');
    expect(within(ingress).getByText('ingress')).toBeTruthy();
    expect(within(ingress).getByText('mn0a1b2c3d-in')).toBeTruthy();
    expect(within(ingress).getByText('edge-1')).toBeTruthy();
    expect(within(egress).getByText('mn0a1b2c3d-out')).toBeTruthy();
    expect(within(egress).getByText('edge-2')).toBeTruthy();

    const vnfX = (name: string) => offset(screen.getByText(name).closest('g'));
    const ingressX = offset(ingress.querySelector('g'));
    const egressX = offset(egress.querySelector('g'));
    expect(ingressX).toBeLessThan(vnfX('fw'));
    expect(vnfX('fw')).toBeLessThan(vnfX('nat'));
    expect(vnfX('nat')).toBeLessThan(vnfX('rt'));
    expect(egressX).toBeGreaterThan(vnfX('rt') + 170);
    // The whole egress box fits in the drawing.
    const svg = screen.getByTestId('chain-graph');
    expect(egressX + 140).toBeLessThanOrEqual(Number(svg.getAttribute('width')));
  });

  it('cuts an access point on several hosts to its box and names them all in its title', () => {
    const spread = { ...realised, sapInfo: [{ ...realised.sapInfo[0], details: { ...realised.sapInfo[0].details, hosts: ['edge-2', 'edge-3', 'edge-4', 'edge-5'] } }] };
    render(<ChainGraph chain={toChainView(spread)} />);
    const egress = screen.getByTestId('sap-egress');
    expect(within(egress).getByText('edge-2, edge-3, edge…')).toBeTruthy();
    expect(egress.querySelector('title')?.textContent).toBe('egress: bridge mn0a1b2c3d-out on edge-2, edge-3, edge-4, edge-5 (libvirt network mano-0a1b2c3d-out)');
    expect(screen.queryByTestId('sap-ingress')).toBeNull();
  });

  it('labels each link with its kind, VLAN and bridge', () => {
    render(<ChainGraph chain={toChainView(realised)} />);
    const [tap, vlan] = screen.getAllByTestId('chain-link');
    expect(within(tap).getByText('tap/bridge')).toBeTruthy();
    expect(within(tap).getByText('mn0a1b2c3d-1')).toBeTruthy();
    expect(within(vlan).getByText('VF/VLAN 2417')).toBeTruthy();
    expect(within(vlan).queryByText(/^mn/)).toBeNull();
  });

  it('draws an access point on VFs with its VLAN and physical network instead of a bridge', () => {
    const onVfs = { ...realised, sapInfo: [realised.sapInfo[1], { position: 3, name: 'egress', from: 'rt', to: 'access', pathKind: 'SAP',
      details: { path: 'SRIOV_VLAN', physicalNetwork: 'physnet-data', vlan: 2001, hosts: ['edge-2'], hostIds: ['h2'] } }] };
    const chain = toChainView(onVfs);
    expect(chain.saps[1]).toEqual({ side: 'egress', vnf: 'v-rt', path: 'VF/VLAN 2001', physicalNetwork: 'physnet-data', hosts: ['edge-2'] });
    render(<ChainGraph chain={chain} />);
    const egress = screen.getByTestId('sap-egress');
    expect(within(egress).getByText('VF/VLAN 2001')).toBeTruthy();
    expect(egress.querySelector('title')?.textContent).toBe('egress: VF/VLAN 2001 on physnet-data at edge-2');
  });

  it('draws an older instance without access points, starting at the left edge', () => {
    const { sapInfo: _, ...older } = realised;
    render(<ChainGraph chain={toChainView(older)} />);
    expect(screen.queryByTestId('sap-ingress')).toBeNull();
    expect(screen.queryByTestId('sap-egress')).toBeNull();
    expect(offset(screen.getByText('fw').closest('g'))).toBe(20);
    expect(screen.getByText('VF/VLAN 2417')).toBeTruthy();
  });
});

/** A chain of vhost-user CPs as the orchestrator reports it: fw → nat switched on edge-1, nat → rt fell back (rt is on edge-2). */
const vhostChain = {
  id: '5e6f7a8b-0000-4000-8000-000000000002', nsInstanceName: 'vhost-chain', nsdId: 'chain', nsState: 'INSTANTIATED',
  vnfInstance: [
    { position: 0, vnfProfileId: 'fw', vnfInstanceId: 'v-fw', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c1', host: 'edge-1', cell: 0, state: 'RUNNING' }] },
    { position: 1, vnfProfileId: 'nat', vnfInstanceId: 'v-nat', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c2', host: 'edge-1', cell: 0, state: 'RUNNING' }] },
    { position: 2, vnfProfileId: 'rt', vnfInstanceId: 'v-rt', instantiationState: 'INSTANTIATED', vnfcs: [{ id: 'c3', host: 'edge-2', cell: 0, state: 'RUNNING' }] },
  ],
  chainLinks: [
    { position: 1, name: 'fw_nat', from: 'fw', to: 'nat', pathKind: 'VHOST_USER',
      details: { switchSegment: '5e6f7a8b-1', upstreamSocket: '/var/lib/mano/switch/5e6f7a8b-1-up.sock',
        downstreamSocket: '/var/lib/mano/switch/5e6f7a8b-1-down.sock', hosts: ['edge-1'], hostIds: ['h1'], sameHostPreferred: true,
        ends: [{ node: 'fw', vnfc: 'c1', connectionPoint: 'out', interfaceType: 'vhost-user', host: 'edge-1' },
          { node: 'nat', vnfc: 'c2', connectionPoint: 'in', interfaceType: 'vhost-user', host: 'edge-1' }] } },
    { position: 2, name: 'nat_rt', from: 'nat', to: 'rt', pathKind: 'TAP_BRIDGE',
      details: { network: 'mano-5e6f7a8b-2', bridge: 'mn5e6f7a8b-2', requested: 'VHOST_USER', fallback: 'its ends are on different hosts',
        hosts: ['edge-1', 'edge-2'], hostIds: ['h1', 'h2'], sameHostPreferred: false } },
  ],
  sapInfo: [
    { position: 0, name: 'ingress', from: 'access', to: 'fw', pathKind: 'SAP',
      details: { network: 'mano-5e6f7a8b-in', bridge: 'mn5e6f7a8b-in', requested: 'VHOST_USER', hosts: ['edge-1'], hostIds: ['h1'], path: 'TAP_BRIDGE',
        ends: [{ node: 'fw', vnfc: 'c1', connectionPoint: 'in', interfaceType: 'vhost-user', host: 'edge-1' }] } },
    { position: 3, name: 'egress', from: 'rt', to: 'access', pathKind: 'SAP',
      details: { network: 'mano-5e6f7a8b-out', bridge: 'mn5e6f7a8b-out', hosts: ['edge-2'], hostIds: ['h2'], path: 'TAP_BRIDGE' } },
  ],
};

describe('toChainView with vhost-user links', () => {
  it('reads a switched link\'s segment and sockets, and a fallback\'s request and reason', () => {
    const chain = toChainView(vhostChain);
    expect(chain.links).toEqual([
      { from: 'v-fw', to: 'v-nat', path: 'vhost-user', hosts: ['edge-1'], switched: {
        segment: '5e6f7a8b-1', upstreamSocket: '/var/lib/mano/switch/5e6f7a8b-1-up.sock', downstreamSocket: '/var/lib/mano/switch/5e6f7a8b-1-down.sock' } },
      { from: 'v-nat', to: 'v-rt', path: 'tap/bridge', bridge: 'mn5e6f7a8b-2', hosts: ['edge-1', 'edge-2'],
        fallback: { requested: 'vhost-user', why: 'its ends are on different hosts' } },
    ]);
    expect(pathText(chain.links[1])).toBe('tap/bridge (vhost-user requested: its ends are on different hosts)');
    expect(pathText(chain.links[0])).toBe('vhost-user');
  });

  it('says why an access point or a segment of more than two ends is a bridge when the orchestrator recorded no reason', () => {
    const chain = toChainView(vhostChain);
    expect(chain.saps[0].fallback).toEqual({ requested: 'vhost-user', why: 'an access point is a bridge an operator plugs into' });
    expect(chain.saps[1].fallback).toBeUndefined();
    const end = (node: string, vnfc: string, interfaceType: string) => ({ node, vnfc, interfaceType, host: 'edge-1' });
    const scaled = toChainView({ ...vhostChain, chainLinks: [{ ...vhostChain.chainLinks[1], details: { bridge: 'mn5e6f7a8b-2', requested: 'VHOST_USER',
      ends: [end('nat', 'c2', 'vhost-user'), end('rt', 'c3', 'vhost-user'), end('rt', 'c4', 'vhost-user')] } }] });
    expect(scaled.links[0].fallback?.why).toBe('3 ends; a vhost-user socket joins exactly two NICs');
    const mixed = toChainView({ ...vhostChain, chainLinks: [{ ...vhostChain.chainLinks[1], details: { bridge: 'mn5e6f7a8b-2', requested: 'VHOST_USER',
      ends: [end('nat', 'c2', 'vhost-user'), end('rt', 'c3', 'virtio')] } }] });
    expect(mixed.links[0].fallback?.why).toBe('the rt end is virtio; a vhost-user socket joins two vhost-user NICs');
  });
});

describe('ChainGraph with vhost-user links', () => {
  it('puts a switched link\'s sockets in its title and keeps the drawing to its path label', () => {
    render(<ChainGraph chain={toChainView(vhostChain)} />);
    const [switched, fellBack] = screen.getAllByTestId('chain-link');
    // Drawn: the path label only; the sockets are in the title.
    expect([...switched.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['vhost-user']);
    expect(switched.querySelector(':scope > title')?.textContent).toBe(
      'vhost-user through the chain switch (segment 5e6f7a8b-1) on edge-1\n'
      + 'fw: /var/lib/mano/switch/5e6f7a8b-1-up.sock\nnat: /var/lib/mano/switch/5e6f7a8b-1-down.sock');
    expect(within(switched).queryByTestId('fell-back')).toBeNull();
    expect(fellBack.querySelector(':scope > title')).toBeNull();
  });

  it('shows under a fallen-back link and access point that vhost-user was requested, with the reason in its title', () => {
    render(<ChainGraph chain={toChainView(vhostChain)} />);
    const fellBack = screen.getAllByTestId('chain-link')[1];
    expect(within(fellBack).getByText('tap/bridge')).toBeTruthy();
    const note = within(fellBack).getByTestId('fell-back');
    expect(note.textContent).toContain('vhost-user requested');
    expect(note.querySelector('title')?.textContent).toBe('tap/bridge (vhost-user requested: its ends are on different hosts)');
    const ingress = screen.getByTestId('sap-ingress');
    expect(within(ingress).getByTestId('fell-back').textContent).toContain('vhost-user requested');
    expect(ingress.querySelector(':scope > title')?.textContent).toBe(
      'ingress: bridge mn5e6f7a8b-in on edge-1 (libvirt network mano-5e6f7a8b-in); vhost-user requested: an access point is a bridge an operator plugs into');
    expect(within(screen.getByTestId('sap-egress')).queryByTestId('fell-back')).toBeNull();
  });
});

describe('ChainWiring', () => {
  it('lists every segment in chain order, the fallback in words an operator sees and the switched link\'s sockets', () => {
    render(<ChainWiring chain={toChainView(vhostChain)} />);
    const list = screen.getByRole('list', { name: 'How vhost-chain is wired' });
    const lines = within(list).getAllByRole('listitem');
    expect(lines.map((l) => l.getAttribute('data-testid'))).toEqual(['wiring-ingress', 'wiring-link', 'wiring-link', 'wiring-egress']);
    expect(lines[0].textContent).toBe('ingress → fw: tap/bridge (vhost-user requested: an access point is a bridge an operator plugs into) · bridge mn5e6f7a8b-in on edge-1');
    expect(lines[1].textContent).toContain('fw → nat: vhost-user · chain switch segment 5e6f7a8b-1 on edge-1');
    expect(within(lines[1]).getByTestId('wiring-sockets').textContent).toBe(
      'sockets: fw /var/lib/mano/switch/5e6f7a8b-1-up.sock, nat /var/lib/mano/switch/5e6f7a8b-1-down.sock');
    expect(lines[2].textContent).toBe('nat → rt: tap/bridge (vhost-user requested: its ends are on different hosts) · bridge mn5e6f7a8b-2 on edge-1, edge-2');
    expect(lines[3].textContent).toBe('rt → egress: tap/bridge · bridge mn5e6f7a8b-out on edge-2');
    // A fallback is marked as a notice, not only worded; the links that are what they asked for are not.
    expect(lines.map((l) => l.className)).toEqual(['notice', '', 'notice', '']);
  });

  it('says nothing for a chain whose links are not realised yet', () => {
    const { container } = render(<ChainWiring chain={toChainView({ ...ns, links: undefined, vnffgInfo: [{ vnfInstanceId: ['v-fw', 'v-nat', 'v-router'] }] })} />);
    expect(container.innerHTML).toBe('');
  });
});
