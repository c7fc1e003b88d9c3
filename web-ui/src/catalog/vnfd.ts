import { parse } from 'yaml';

/** A readable summary of a SOL001 VNFD: what an operator needs to see before instantiating it. */
export interface VnfdSummary {
  identity: Record<string, string>;
  flavours: Flavour[];
  vdus: Vdu[];
  connectionPoints: ConnectionPoint[];
  virtualLinks: string[];
  scalingAspects: ScalingAspect[];
  autoscaling: AutoscalingPolicy[];
}

/** Our autoscaling policy (mano.policies.Autoscaling): thresholds the Metrics screen draws too. */
export interface AutoscalingPolicy {
  name: string;
  aspect?: string;
  metric?: string;
  scaleOutThreshold?: number;
  scaleInThreshold?: number;
  window?: string;
  cooldown?: string;
}

export interface Flavour {
  id: string;
  description?: string;
  instantiationLevels: string[];
}

export interface Vdu {
  /** the node template's name: what connection points bind to */
  node: string;
  name: string;
  description?: string;
  instances?: string;
  epa: Epa;
}

/** Enhanced Platform Awareness: what the VDU needs from the host. Absent fields were not asked for. */
export interface Epa {
  vcpus?: string;
  memory?: string;
  pmdLcores?: string;
  cpuPolicy?: string;
  cpuPinning?: string;
  threadPolicy?: string;
  pageSize?: string;
  numaNodes?: string;
  other: [string, string][];
}

export interface ConnectionPoint {
  name: string;
  vdu?: string;
  kind: string;
  physicalNetwork?: string;
}

export interface ScalingAspect {
  id: string;
  name?: string;
  maxScaleLevel?: string;
}

type Yaml = Record<string, unknown>;

const asMap = (v: unknown): Yaml => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Yaml) : {});
const str = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Finds the first value under any of `keys`, at any depth of `tree` (EPA keys sit at different depths in different VNFDs). */
function deepFind(tree: unknown, keys: string[]): unknown {
  if (!tree || typeof tree !== 'object') return undefined;
  const entries = Array.isArray(tree) ? tree.map((v, i) => [String(i), v] as const) : Object.entries(tree as Yaml);
  for (const [k, v] of entries) if (keys.includes(k) && (typeof v !== 'object' || v === null)) return v;
  for (const [, v] of entries) {
    const hit = deepFind(v, keys);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const typeOf = (node: Yaml) => String(node.type ?? '');

export function parseVnfd(text: string): VnfdSummary {
  const doc = asMap(parse(text, { maxAliasCount: 100 }));
  const topology = asMap(doc.topology_template);
  const nodes = Object.entries(asMap(topology.node_templates)).map(([name, n]) => [name, asMap(n)] as const);

  const vnfNode = nodes.find(([, n]) => /(^|\.)VNF$|nodes\.nfv\.VNF|\.VNF\./.test(typeOf(n)) || asMap(n.properties).descriptor_id !== undefined);
  const vnfProps = asMap(vnfNode?.[1].properties);
  const identity: Record<string, string> = {};
  for (const [label, key] of [
    ['Descriptor id', 'descriptor_id'],
    ['Provider', 'provider'],
    ['Product', 'product_name'],
    ['Software version', 'software_version'],
    ['Descriptor version', 'descriptor_version'],
  ] as const) {
    const value = str(vnfProps[key]);
    if (value) identity[label] = value;
  }

  const policies = (Array.isArray(topology.policies) ? topology.policies : [topology.policies ?? {}])
    .flatMap((p) => Object.entries(asMap(p)))
    .map(([name, p]) => [name, asMap(p)] as const);

  const flavours = readFlavours(vnfProps, policies, doc);

  const vdus: Vdu[] = nodes
    .filter(([, n]) => /Vdu\.Compute$|VDU$/i.test(typeOf(n)))
    .map(([name, n]) => {
      const props = asMap(n.properties);
      const profile = asMap(props.vdu_profile);
      const min = str(profile.min_number_of_instances);
      const max = str(profile.max_number_of_instances);
      return {
        node: name,
        name: str(props.name) ?? name,
        description: str(props.description),
        instances: min || max ? `${min ?? '?'}–${max ?? '?'}` : undefined,
        epa: readEpa(n),
      };
    });

  const connectionPoints: ConnectionPoint[] = nodes
    .filter(([, n]) => /VduCp$|\.Cp$/.test(typeOf(n)))
    .map(([name, n]) => {
      const props = asMap(n.properties);
      const requirements = (Array.isArray(n.requirements) ? n.requirements : [n.requirements]).map(asMap);
      const binding = requirements.map((r) => str(r.virtual_binding)).find(Boolean);
      const kind =
        str(deepFind(props, ['mano.interface_type', 'interface_type', 'vnic_type'])) ?? 'virtio';
      return { name, vdu: binding, kind, physicalNetwork: str(deepFind(props, ['mano.physical_network', 'physical_network', 'physnet'])) };
    });

  const virtualLinks = nodes.filter(([, n]) => /VnfVirtualLink$|VirtualLink$/.test(typeOf(n))).map(([name]) => name);

  const scalingAspects: ScalingAspect[] = policies
    .filter(([, p]) => /ScalingAspects$/.test(typeOf(p)))
    .flatMap(([, p]) => Object.entries(asMap(asMap(p.properties).aspects)))
    .map(([id, a]) => ({ id, name: str(asMap(a).name), maxScaleLevel: str(asMap(a).max_scale_level) }));

  const autoscaling: AutoscalingPolicy[] = policies
    .filter(([, p]) => /Autoscaling$/.test(typeOf(p)))
    .map(([name, p]) => {
      const props = asMap(p.properties);
      const n = (v: unknown) => (v === undefined || v === null || isNaN(Number(v)) ? undefined : Number(v));
      return {
        name, aspect: str(props.aspect), metric: str(props.metric),
        scaleOutThreshold: n(props.scale_out_threshold), scaleInThreshold: n(props.scale_in_threshold),
        window: str(props.window), cooldown: str(props.cooldown),
      };
    });

  return { identity, flavours, vdus, connectionPoints, virtualLinks, scalingAspects, autoscaling };
}

function readFlavours(vnfProps: Yaml, policies: (readonly [string, Yaml])[], doc: Yaml): Flavour[] {
  const levels = policies
    .filter(([, p]) => /InstantiationLevels$/.test(typeOf(p)) && !/Vdu/.test(typeOf(p)))
    .flatMap(([, p]) => Object.keys(asMap(asMap(p.properties).levels)));
  const flavours: Flavour[] = [];
  if (vnfProps.flavour_id !== undefined) {
    flavours.push({ id: String(vnfProps.flavour_id), description: str(vnfProps.flavour_description), instantiationLevels: levels });
  }
  // A VNFD with several flavours lists them under a `flavours` map (ours) or `deployment_flavours`.
  for (const [id, f] of Object.entries(asMap(doc.flavours ?? doc.deployment_flavours ?? asMap(doc.topology_template).flavours))) {
    if (flavours.some((x) => x.id === id)) continue;
    const fm = asMap(f);
    flavours.push({ id, description: str(fm.description), instantiationLevels: Object.keys(asMap(fm.instantiation_levels)) });
  }
  return flavours;
}

const epaKeys = {
  vcpus: ['num_virtual_cpu', 'vcpus', 'num_vcpus'],
  memory: ['virtual_mem_size', 'memory', 'mem_size'],
  pmdLcores: ['mano.pmd_lcores', 'pmd_lcores', 'num_pmd_lcores'],
  cpuPolicy: ['mano.cpu_policy', 'cpu_policy', 'hw:cpu_policy'],
  cpuPinning: ['virtual_cpu_pinning_policy', 'cpu_pinning_policy'],
  threadPolicy: ['mano.cpu_thread_policy', 'thread_policy', 'cpu_thread_policy', 'hw:cpu_thread_policy'],
  pageSize: ['mano.hugepage_size', 'mem_page_size', 'hugepage_size', 'hw:mem_page_size'],
  numaNodes: ['mano.numa_nodes', 'numa_node_count', 'numa_nodes', 'hw:numa_nodes'],
} as const;

function readEpa(vdu: Yaml): Epa {
  const tree = { properties: vdu.properties, capabilities: vdu.capabilities };
  const epa: Epa = { other: [] };
  const used = new Set<string>();
  for (const [field, keys] of Object.entries(epaKeys) as [keyof typeof epaKeys, readonly string[]][]) {
    const value = str(deepFind(tree, [...keys]));
    if (value !== undefined) {
      epa[field] = value;
      keys.forEach((k) => used.add(k));
    }
  }
  // Free-form requirement maps (SOL001 vdu_cpu_requirements / vdu_mem_requirements ...) are shown as written.
  const requirementMaps = ['vdu_cpu_requirements', 'vdu_mem_requirements', 'vdu_storage_requirements', 'requested_additional_capabilities'];
  const collect = (node: unknown) => {
    for (const [k, v] of Object.entries(asMap(node))) {
      if (requirementMaps.includes(k)) {
        for (const [rk, rv] of Object.entries(asMap(v))) if (!used.has(rk)) epa.other.push([rk, str(rv) ?? '']);
      } else if (v && typeof v === 'object') collect(v);
    }
  };
  collect(tree);
  return epa;
}
