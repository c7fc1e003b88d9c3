// @vitest-environment node
import { cpuSet, freeCapacity, toHostView } from './topology';
import { hostJson } from '../testing/hostFixture';

describe('toHostView', () => {
  const host = toHostView(hostJson);

  it('groups hardware threads into physical cores by siblings', () => {
    expect(host.cells[0].cores.map((c) => c.threads.map((t) => t.id))).toEqual([[0, 4], [1, 5], [2, 6], [3, 7]]);
  });

  it('knows isolated from housekeeping threads and who holds each, whatever the holder field is called', () => {
    const threads = host.cells[0].cores.flatMap((c) => c.threads);
    expect(threads.map((t) => [t.id, t.role, t.holder])).toEqual([
      [0, 'housekeeping', undefined], [4, 'housekeeping', 'fw-0'],
      [1, 'isolated', 'fw-0'], [5, 'isolated', 'fw-0'],
      [2, 'isolated', undefined], [6, 'isolated', undefined],
      [3, 'isolated', undefined], [7, 'isolated', 'nat-0'],
    ]);
  });

  it('keeps hugepage pools, not normal pages, and derives free from allocated', () => {
    expect(host.cells[0].pools).toEqual([
      { pageSizeKib: 2048, total: 512, free: 256 },
      { pageSizeKib: 1048576, total: 4, free: 3 },
    ]);
  });

  it('puts PFs on their cell and the ones without a cell aside', () => {
    expect(host.cells[0].pfs.map((p) => p.netdev)).toEqual(['ens1f0']);
    expect(host.cells[1].pfs).toEqual([]);
    expect(host.unplacedPfs.map((p) => p.pciAddress)).toEqual(['0000:af:00.0']);
  });

  it('counts free capacity: whole isolated cores, isolated threads, VFs', () => {
    expect(freeCapacity(host.cells[0])).toEqual({ freeWholeCores: 1, freeIsolatedThreads: 3, freeVfs: 1 });
  });

  it('reads the flat form of the VIM records too (cells at the top, isolatedCpus as a list)', () => {
    const flat = toHostView({ hostname: 'h2', isolatedCpus: [1], cells: [{ id: 0, cpus: [{ id: 0, siblings: [0] }, { id: 1, siblings: [1] }], hugepages: [] }], physicalFunctions: [] });
    expect(flat.name).toBe('h2');
    expect(flat.cells[0].cores.flatMap((c) => c.threads.map((t) => t.role))).toEqual(['housekeeping', 'isolated']);
  });
});

describe('toHostView on the orchestrator HostView', () => {
  // The shape of GET /vim/v1/hosts/{id}: VFs per cell with their PF, holders as VNFC UUIDs, isolated CPUs as a range string.
  const view = toHostView({
    id: '0b7c', name: 'sim-1', libvirtUri: 'test:///tmp/sim-1.xml', state: 'UNREACHABLE', stateReason: 'connection refused',
    isolatedCpus: '1-2', kvm: false,
    cells: [{
      id: 0, memoryKib: 1024,
      cpus: [
        { id: 0, socketId: 0, coreId: 0, siblings: [0], isolated: false, heldBy: null, purpose: null },
        { id: 1, socketId: 0, coreId: 1, siblings: [1], isolated: true, heldBy: '6f1d2c3e-0000-4000-8000-000000000001', purpose: 'PMD' },
        { id: 2, socketId: 0, coreId: 2, siblings: [2], isolated: true, heldBy: null, purpose: null },
      ],
      hugepages: [{ pageSizeKib: 2048, total: 64, allocated: 16, free: 48, hostFree: 60, holders: [] }],
      vfs: [
        { pciAddress: '0000:3b:02.1', vfIndex: 1, pfPciAddress: '0000:3b:00.0', pfNetdev: 'ens1f0', physicalNetwork: 'physnet-data', heldBy: null },
        { pciAddress: '0000:3b:02.0', vfIndex: 0, pfPciAddress: '0000:3b:00.0', pfNetdev: 'ens1f0', physicalNetwork: 'physnet-data', heldBy: '6f1d2c3e-0000-4000-8000-000000000001' },
      ],
    }],
    unplacedVfs: [{ pciAddress: '0000:af:02.0', vfIndex: 0, pfPciAddress: '0000:af:00.0', pfNetdev: null, heldBy: null }],
  });

  it('reads state, URI, CPU holders and purposes', () => {
    expect([view.status, view.statusReason, view.uri]).toEqual(['UNREACHABLE', 'connection refused', 'test:///tmp/sim-1.xml']);
    expect(view.cells[0].cores.flatMap((c) => c.threads).map((t) => [t.id, t.role, t.holder, t.purpose])).toEqual([
      [0, 'housekeeping', undefined, undefined],
      [1, 'isolated', '6f1d2c3e-0000-4000-8000-000000000001', 'PMD'],
      [2, 'isolated', undefined, undefined],
    ]);
  });

  it('groups the per-cell VFs under their PF, in VF order', () => {
    expect(view.cells[0].pfs).toEqual([{
      pciAddress: '0000:3b:00.0', netdev: 'ens1f0', physicalNetwork: 'physnet-data', numaNode: 0,
      vfs: [
        { pciAddress: '0000:3b:02.0', index: 0, holder: '6f1d2c3e-0000-4000-8000-000000000001' },
        { pciAddress: '0000:3b:02.1', index: 1, holder: undefined },
      ],
    }]);
    expect(view.unplacedPfs.map((p) => p.pciAddress)).toEqual(['0000:af:00.0']);
    expect(view.cells[0].pools).toEqual([{ pageSizeKib: 2048, total: 64, free: 48 }]);
  });

  it('reads isolated CPU ranges', () => {
    expect([...cpuSet('1-3,5, 7-8')]).toEqual([1, 2, 3, 5, 7, 8]);
  });
});
