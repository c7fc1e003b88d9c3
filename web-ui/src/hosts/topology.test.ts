// @vitest-environment node
import { freeCapacity, toHostView } from './topology';
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
