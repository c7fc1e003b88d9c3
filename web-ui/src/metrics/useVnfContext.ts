import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { VnfPkgInfo } from '../catalog/types';
import { parseVnfd, type AutoscalingPolicy } from '../catalog/vnfd';

/** What a VNF's charts are drawn against: its name, its VNFD's autoscaling thresholds, its scale/heal events. */
export interface VnfContext {
  name?: string;
  policies: AutoscalingPolicy[];
  events: { at: number; label: string }[];
}

interface VnfInstance { id: string; vnfInstanceName?: string; vnfProductName?: string; vnfdId?: string; vnfPkgId?: string }
interface OpOcc { vnfInstanceId?: string; operation?: string; operationState?: string; startTime?: string; isAutomaticInvocation?: boolean; operationParams?: Record<string, unknown> }

/** Reads each VNF's instance and VNFD once, and its op occurrences every `pollMs`. Missing endpoints leave the context empty. */
export function useVnfContext(api: ApiClient, vnfIds: string[], pollMs = 5000): Map<string, VnfContext> {
  const [policies, setPolicies] = useState<Map<string, { name?: string; policies: AutoscalingPolicy[] }>>(new Map());
  const [events, setEvents] = useState<Map<string, VnfContext['events']>>(new Map());
  const key = [...vnfIds].sort().join(',');

  useEffect(() => {
    let live = true;
    (async () => {
      const found = new Map<string, { name?: string; policies: AutoscalingPolicy[] }>();
      let packages: VnfPkgInfo[] | undefined;
      for (const id of vnfIds) {
        try {
          const vnf = await api.get<VnfInstance>(`/vnflcm/v1/vnf_instances/${id}`);
          packages ??= await api.get<VnfPkgInfo[]>('/vnfpkgm/v1/vnf_packages');
          const pkg = packages.find((p) => p.id === vnf.vnfPkgId) ?? packages.find((p) => p.vnfdId === vnf.vnfdId);
          const vnfd = pkg ? parseVnfd(await api.getText(`/vnfpkgm/v1/vnf_packages/${pkg.id}/vnfd`)) : undefined;
          found.set(id, { name: vnf.vnfInstanceName ?? vnf.vnfProductName, policies: vnfd?.autoscaling ?? [] });
        } catch {
          found.set(id, { policies: [] });
        }
      }
      if (live) setPolicies(found);
    })();
    return () => { live = false; };
  }, [api, key]);

  useEffect(() => {
    let live = true;
    const read = async () => {
      try {
        const ops = await api.get<OpOcc[]>('/vnflcm/v1/vnf_lcm_op_occs');
        const byVnf = new Map<string, VnfContext['events']>();
        for (const op of ops) {
          if (!op.vnfInstanceId || !op.startTime || (op.operation !== 'SCALE' && op.operation !== 'HEAL')) continue;
          const type = op.operation === 'SCALE' ? String(op.operationParams?.type ?? 'scale').toLowerCase().replace('_', ' ') : 'heal';
          byVnf.set(op.vnfInstanceId, [...(byVnf.get(op.vnfInstanceId) ?? []), { at: Date.parse(op.startTime), label: `${type}${op.isAutomaticInvocation ? ' (auto)' : ''}` }]);
        }
        if (live) setEvents(byVnf);
      } catch {
        // no VNF LCM on this server: charts without events
      }
    };
    void read();
    const timer = setInterval(read, pollMs);
    return () => { live = false; clearInterval(timer); };
  }, [api, pollMs]);

  const out = new Map<string, VnfContext>();
  for (const id of vnfIds) out.set(id, { name: policies.get(id)?.name, policies: policies.get(id)?.policies ?? [], events: events.get(id) ?? [] });
  return out;
}
