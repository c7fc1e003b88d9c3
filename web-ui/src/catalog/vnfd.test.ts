// @vitest-environment node
import { parseVnfd } from './vnfd';
import { firewallVnfd } from '../testing/fixtures';

describe('parseVnfd', () => {
  const vnfd = parseVnfd(firewallVnfd);

  it('reads the VNF identity', () => {
    expect(vnfd.identity).toEqual({
      'Descriptor id': '7f1c6a2e-firewall',
      Provider: 'mano.dev',
      Product: 'firewall',
      'Software version': '1.2',
      'Descriptor version': '1.0',
    });
  });

  it('reads the flavour', () => {
    expect(vnfd.flavours).toEqual([{ id: 'small', description: 'two PMD cores', instantiationLevels: [] }]);
  });

  it('reads the EPA needs of each VDU wherever SOL001 puts them', () => {
    expect(vnfd.vdus).toHaveLength(1);
    const fw = vnfd.vdus[0];
    expect(fw.instances).toBe('1–4');
    expect(fw.epa).toMatchObject({
      vcpus: '3', memory: '2 GiB', pageSize: '2MB', cpuPinning: 'static', threadPolicy: 'isolate', pmdLcores: '2',
    });
    expect(fw.epa.other).toEqual([['emulator_threads', 'housekeeping']]);
  });

  it('reads connection points with their kind and physical network', () => {
    expect(vnfd.connectionPoints).toEqual([
      { name: 'fw_in', vdu: 'fw', kind: 'sriov-vf', physicalNetwork: 'physnet-a' },
      { name: 'fw_out', vdu: 'fw', kind: 'vhost-user', physicalNetwork: undefined },
    ]);
  });

  it('reads scaling aspects', () => {
    expect(vnfd.scalingAspects).toEqual([{ id: 'fw_workers', name: 'firewall workers', maxScaleLevel: '3' }]);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(',')}]`)].join('\n');
    expect(() => parseVnfd(bomb)).toThrow();
  });
});
