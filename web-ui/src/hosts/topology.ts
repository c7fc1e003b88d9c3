/**
 * The host topology as the Hosts screen draws it. The VIM API is read through `toHostView`,
 * which accepts the names the VIM records use (cells, cpus, hugepages, physicalFunctions,
 * virtualFunctions) and a few spellings of "who holds this" so the map does not break when
 * the allocation fields settle.
 */
export interface HostView {
  id: string;
  name: string;
  uri?: string;
  status?: string;
  statusReason?: string;
  cpuModel?: string;
  kvm?: boolean;
  cells: CellView[];
  /** PFs whose NUMA cell the host does not report */
  unplacedPfs: PfView[];
}

export interface CellView {
  id: number;
  memoryKib?: number;
  cores: CoreView[];
  pools: PoolView[];
  pfs: PfView[];
}

/** A physical core and its hardware threads. */
export interface CoreView {
  key: string;
  threads: CpuView[];
}

export type CpuRole = 'isolated' | 'housekeeping';

export interface CpuView {
  id: number;
  role: CpuRole;
  holder?: string;
  /** why it is held: PMD, or SIBLING (reserved with a whole core under thread policy isolate) */
  purpose?: string;
}

export interface PoolView {
  pageSizeKib: number;
  total: number;
  free: number;
}

export interface PfView {
  pciAddress: string;
  netdev?: string;
  physicalNetwork?: string;
  numaNode: number;
  vfs: VfView[];
}

export interface VfView {
  pciAddress: string;
  index: number;
  holder?: string;
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown, fallback = 0): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v)) ? Number(v) : fallback);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** Who holds a resource, whatever the field is called: a VNFC id/name, or an allocation object carrying one. */
export function holderOf(r: J): string | undefined {
  for (const key of ['vnfcName', 'vnfc', 'vnfcId', 'allocatedTo', 'holder', 'heldBy', 'vnfcInstanceId']) {
    const v = r[key];
    if (typeof v === 'string' && v) return v;
    if (v && typeof v === 'object') {
      const inner = obj(v);
      const named = text(inner.name) ?? text(inner.vnfcName) ?? text(inner.vnfcId) ?? text(inner.id);
      if (named) return named;
    }
  }
  const allocation = obj(r.allocation);
  if (Object.keys(allocation).length > 0) return holderOf(allocation);
  return undefined;
}

export function toHostView(raw: unknown): HostView {
  const h = obj(raw);
  const topo = Object.keys(obj(h.topology)).length > 0 ? obj(h.topology) : h;
  const hostIsolated = cpuSet(h.isolatedCpus ?? topo.isolatedCpus);
  const pfs = arr(topo.physicalFunctions ?? topo.pfs ?? h.physicalFunctions).map(toPf);
  // The orchestrator's HostView lists VFs per cell (with their PF) rather than PFs with VFs.
  const vfsOfCells = arr(topo.cells ?? topo.numaCells).flatMap((c) => arr(obj(c).vfs).map((v) => ({ ...obj(v), cellId: num(obj(c).id) })));
  pfs.push(...pfsFromVfs([...vfsOfCells, ...arr(h.unplacedVfs).map((v) => ({ ...obj(v), cellId: -1 }))]));
  const cells: CellView[] = arr(topo.cells ?? topo.numaCells).map((c) => {
    const cell = obj(c);
    const id = num(cell.id);
    const cellIsolated = cpuSet(cell.isolatedCpus);
    const cpus = arr(cell.cpus).map((x) => {
      const cpu = obj(x);
      const cpuId = num(cpu.id);
      const isolated = cpu.isolated === true || hostIsolated.has(cpuId) || cellIsolated.has(cpuId);
      return { cpu, view: { id: cpuId, role: (isolated ? 'isolated' : 'housekeeping') as CpuRole, holder: holderOf(cpu), purpose: text(cpu.purpose) } };
    });
    // Group hardware threads into physical cores by their sibling list (or socket/core id).
    const cores = new Map<string, CpuView[]>();
    for (const { cpu, view } of cpus) {
      const siblings = arr(cpu.siblings).map((s) => num(s));
      const key = siblings.length > 0 ? siblings.sort((a, b) => a - b).join(',') : `${text(cpu.socketId) ?? 's'}-${text(cpu.coreId) ?? view.id}`;
      cores.set(key, [...(cores.get(key) ?? []), view]);
    }
    const pools = arr(cell.hugepages ?? cell.pages ?? cell.hugepagePools)
      .map((p) => {
        const pool = obj(p);
        const total = num(pool.total ?? pool.count);
        const allocated = pool.allocated !== undefined ? num(pool.allocated) : undefined;
        const free = pool.free !== undefined ? num(pool.free) : allocated !== undefined ? total - allocated : total;
        return { pageSizeKib: num(pool.pageSizeKib ?? pool.sizeKib ?? pool.pageSize), total, free };
      })
      .filter((p) => p.pageSizeKib > 4); // 4 KiB normal pages are not a placement resource
    return {
      id,
      memoryKib: cell.memoryKib !== undefined ? num(cell.memoryKib) : undefined,
      cores: [...cores.entries()].map(([key, threads]) => ({ key, threads: threads.sort((a, b) => a.id - b.id) })),
      pools,
      pfs: pfs.filter((pf) => pf.numaNode === id),
    };
  });
  const cellIds = new Set(cells.map((c) => c.id));
  return {
    id: text(h.id) ?? text(h.name) ?? text(h.hostname) ?? '?',
    name: text(h.name) ?? text(h.hostname) ?? text(topo.hostname) ?? text(h.id) ?? '?',
    uri: text(h.uri) ?? text(h.libvirtUri),
    status: text(h.status) ?? text(h.state) ?? (h.reachable === false ? 'UNREACHABLE' : undefined),
    statusReason: text(h.stateReason),
    cpuModel: text(topo.cpuModel),
    kvm: typeof topo.kvm === 'boolean' ? topo.kvm : undefined,
    cells,
    unplacedPfs: pfs.filter((pf) => !cellIds.has(pf.numaNode)),
  };
}

/** "1-3,5,7-8" or [1, 2, 3] */
export function cpuSet(v: unknown): Set<number> {
  if (Array.isArray(v)) return new Set(v.map((c) => num(c, -1)));
  if (typeof v !== 'string') return new Set();
  const ids = new Set<number>();
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) ids.add(i);
  }
  return ids;
}

function pfsFromVfs(vfs: J[]): PfView[] {
  const byPf = new Map<string, PfView>();
  for (const vf of vfs) {
    const key = text(vf.pfPciAddress) ?? text(vf.pfNetdev) ?? '?';
    const pf = byPf.get(key) ?? {
      pciAddress: key, netdev: text(vf.pfNetdev), physicalNetwork: text(vf.physicalNetwork), numaNode: num(vf.cellId, -1), vfs: [],
    };
    pf.vfs.push({ pciAddress: text(vf.pciAddress) ?? '?', index: num(vf.vfIndex, pf.vfs.length), holder: holderOf(vf) });
    byPf.set(key, pf);
  }
  return [...byPf.values()].map((pf) => ({ ...pf, vfs: pf.vfs.sort((a, b) => a.index - b.index) }));
}

function toPf(raw: unknown): PfView {
  const pf = obj(raw);
  return {
    pciAddress: text(pf.pciAddress) ?? text(pf.address) ?? '?',
    netdev: text(pf.netdev),
    physicalNetwork: text(pf.physicalNetwork) ?? text(pf.physnet),
    numaNode: num(pf.numaNode ?? pf.cellId, -1),
    vfs: arr(pf.virtualFunctions ?? pf.vfs).map((v, i) => {
      const vf = obj(v);
      return { pciAddress: text(vf.pciAddress) ?? text(vf.address) ?? '?', index: num(vf.vfIndex ?? vf.index, i), holder: holderOf(vf) };
    }),
  };
}

/** What is still free on a cell: the numbers a person compares with a failed placement's reason. */
export function freeCapacity(cell: CellView) {
  const threads = cell.cores.flatMap((c) => c.threads);
  const freeIsolatedThreads = threads.filter((t) => t.role === 'isolated' && !t.holder).length;
  const freeWholeCores = cell.cores.filter((c) => c.threads.every((t) => t.role === 'isolated' && !t.holder)).length;
  const freeVfs = cell.pfs.reduce((n, pf) => n + pf.vfs.filter((v) => !v.holder).length, 0);
  return { freeIsolatedThreads, freeWholeCores, freeVfs };
}

export function pageSizeLabel(kib: number): string {
  if (kib >= 1024 * 1024) return `${kib / 1024 / 1024} GiB`;
  if (kib >= 1024) return `${kib / 1024} MiB`;
  return `${kib} KiB`;
}

/** Distinct colours, in order, for the VNFCs on one host (sorted by id, so a refresh keeps them). */
const palette = ['#2563eb', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4f46e5', '#0d9488', '#a16207'];

export function holderColours(holders: string[]): Map<string, string> {
  return new Map([...new Set(holders)].sort().map((h, i) => [h, palette[i % palette.length]]));
}
