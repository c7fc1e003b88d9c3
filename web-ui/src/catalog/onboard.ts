import type { ApiClient } from '../api/client';
import { ApiError, type Problem } from '../api/problem';
import { terminalStates, type NsdInfo, type VnfPkgInfo } from './types';

export type PackageKind = 'vnf' | 'nsd';

/** Where one dropped file is on its way into the catalog. */
export type OnboardingStep =
  | { phase: 'creating' }
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'processing'; state: string }
  | { phase: 'onboarded'; id: string }
  | { phase: 'failed'; problem: Problem; id?: string };

const endpoints = {
  vnf: { collection: '/vnfpkgm/v1/vnf_packages', content: 'package_content', state: (i: unknown) => (i as VnfPkgInfo).onboardingState },
  nsd: { collection: '/nsd/v1/ns_descriptors', content: 'nsd_content', state: (i: unknown) => (i as NsdInfo).nsdOnboardingState },
} as const;

export function contentTypeOf(file: File): string {
  return /\.ya?ml$/i.test(file.name) ? 'application/yaml' : 'application/zip';
}

/**
 * A YAML file is an NSD when it has an NS node (tosca.nodes.nfv.NS); a CSAR is a VNF package
 * unless the user says otherwise (telling them apart needs unzipping).
 */
export function sniffKind(text: string | undefined): PackageKind {
  if (text && /type:\s*['"]?tosca\.nodes\.nfv\.NS['"]?\s*$/m.test(text)) return 'nsd';
  return 'vnf';
}

/**
 * SOL005 onboarding: create the resource, PUT its content, then follow the onboarding
 * state until ONBOARDED or ERROR. Validation problems come back either on the PUT
 * (problem+json) or as onboardingFailureDetails; both end in 'failed' with the problem.
 */
export async function onboard(
  api: ApiClient,
  file: File,
  kind: PackageKind,
  onStep: (step: OnboardingStep) => void,
  pollMs = 400,
  timeoutMs = 120_000,
): Promise<OnboardingStep> {
  const ep = endpoints[kind];
  const finish = (step: OnboardingStep) => {
    onStep(step);
    return step;
  };
  let id: string | undefined;
  try {
    onStep({ phase: 'creating' });
    const created = await api.post<{ id: string }>(ep.collection, {
      userDefinedData: { fileName: file.name },
    });
    id = created.id;
    onStep({ phase: 'uploading', sent: 0, total: file.size });
    await api.upload(`${ep.collection}/${id}/${ep.content}`, file, contentTypeOf(file), (sent, total) =>
      onStep({ phase: 'uploading', sent, total }),
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const info = await api.get<Record<string, unknown>>(`${ep.collection}/${id}`);
      const state = ep.state(info);
      if (state === 'ONBOARDED') return finish({ phase: 'onboarded', id });
      if (state === 'ERROR' || terminalStates.has(state) === false && Date.now() > deadline) {
        const details = (info.onboardingFailureDetails as Problem | undefined) ?? {
          title: state === 'ERROR' ? 'Onboarding failed' : 'Onboarding did not finish in time',
          detail: `The package is in state ${state}`,
        };
        return finish({ phase: 'failed', problem: details, id });
      }
      onStep({ phase: 'processing', state });
      await new Promise((r) => setTimeout(r, pollMs));
    }
  } catch (e) {
    if (e instanceof ApiError && e.status === 404 && id === undefined) {
      return finish({ phase: 'failed', problem: { status: 404, title: 'Not available on this server', detail: `This orchestrator does not serve ${ep.collection} yet, so it cannot take ${kind === 'nsd' ? 'NS descriptors' : 'VNF packages'}.` } });
    }
    const problem: Problem =
      e instanceof ApiError ? (e.problem ?? { status: e.status, title: `HTTP ${e.status}`, detail: e.message }) : { title: 'Upload failed', detail: String(e) };
    return finish({ phase: 'failed', problem, id });
  }
}
