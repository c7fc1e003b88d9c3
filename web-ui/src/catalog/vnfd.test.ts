// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    expect([fw.node, fw.name, fw.instances]).toEqual(['fw_vdu', 'fw', '1–4']);
    expect(fw.epa).toMatchObject({
      vcpus: '3', memory: '2 GiB', pageSize: '2MB', cpuPolicy: 'dedicated', cpuPinning: 'static', threadPolicy: 'isolate', pmdLcores: '2',
    });
    expect(fw.epa.other).toEqual([['emulator_threads', 'housekeeping']]);
  });

  it('reads connection points with their kind and physical network', () => {
    expect(vnfd.connectionPoints).toEqual([
      { name: 'fw_in', vdu: 'fw_vdu', kind: 'sriov-vf', physicalNetwork: 'physnet-a' },
      { name: 'fw_out', vdu: 'fw_vdu', kind: 'vhost-user', physicalNetwork: undefined },
    ]);
  });

  it('reads scaling aspects', () => {
    expect(vnfd.scalingAspects).toEqual([{ id: 'fw_workers', name: 'firewall workers', maxScaleLevel: '3' }]);
  });

  it('reads our autoscaling policies with their thresholds', () => {
    expect(vnfd.autoscaling).toEqual([{
      name: 'busy_autoscale', aspect: 'fw_workers', metric: 'busy_ratio', scaleOutThreshold: 0.8, scaleInThreshold: 0.3, window: '30 s', cooldown: '60 s',
    }]);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 8 }, (_, i) =>
      `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill('*' + String.fromCharCode(97 + i)).join(',')}]`)].join('\n');
    expect(() => parseVnfd(bomb)).toThrow();
  });
});

// The VNF packages the platform ships: whatever they say must render (identity, VDUs with EPA).
const bundled = join(__dirname, '../../../vnf-packages');
describe.skipIf(!existsSync(bundled))('parseVnfd on the bundled VNF packages', () => {
  const files = existsSync(bundled)
    ? readdirSync(bundled, { withFileTypes: true }).filter((d) => d.isDirectory())
        .flatMap((d) => readdirSync(join(bundled, d.name, 'Definitions')).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(bundled, d.name, 'Definitions', f)))
    : [];
  it.each(files)('%s', (file) => {
    const vnfd = parseVnfd(readFileSync(file, 'utf8'));
    expect(vnfd.identity.Product).toBeTruthy();
    expect(vnfd.flavours.length).toBeGreaterThan(0);
    expect(vnfd.vdus.length).toBeGreaterThan(0);
    for (const vdu of vnfd.vdus) expect(vdu.epa.vcpus).toBeTruthy();
  });
});
