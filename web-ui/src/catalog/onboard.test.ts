import { ApiClient } from '../api/client';
import { onboard, sniffKind, type OnboardingStep } from './onboard';
import { brokenProblem, firewallVnfd } from '../testing/fixtures';
import { problem, startServer, type Exchange, type Reply } from '../testing/httpServer';

/** The SOL005 onboarding state machine as the orchestrator runs it, driven by what is uploaded. */
function catalog(validate: (body: string) => Reply | undefined) {
  let state = 'CREATED';
  let polls = 0;
  return (req: Exchange): Reply | undefined => {
    if (req.method === 'POST' && req.path === '/vnfpkgm/v1/vnf_packages') return { status: 201, json: { id: 'p1', onboardingState: state } };
    if (req.method === 'PUT' && req.path === '/vnfpkgm/v1/vnf_packages/p1/package_content') {
      const rejected = validate(req.body.toString());
      if (rejected) return rejected;
      state = 'PROCESSING';
      return { status: 202, text: '' };
    }
    if (req.method === 'GET' && req.path === '/vnfpkgm/v1/vnf_packages/p1') {
      if (state === 'PROCESSING' && ++polls >= 2) state = 'ONBOARDED';
      return { status: 200, json: { id: 'p1', onboardingState: state } };
    }
  };
}

function file(text: string, name: string) {
  return new File([text], name, { type: 'application/yaml' });
}

describe('onboard', () => {
  it('creates, uploads with progress, and follows the state to ONBOARDED', async () => {
    const server = await startServer(catalog(() => undefined));
    try {
      const steps: OnboardingStep[] = [];
      const end = await onboard(new ApiClient({ kind: 'bearer', token: 't' }, server.url), file(firewallVnfd, 'fw.yaml'), 'vnf', (s) => steps.push(s), 5);
      expect(end).toEqual({ phase: 'onboarded', id: 'p1' });
      const phases = steps.map((s) => s.phase);
      expect(phases[0]).toBe('creating');
      expect(phases).toContain('uploading');
      expect(phases).toContain('processing');
      const put = server.requests.find((r) => r.method === 'PUT')!;
      expect(put.headers['content-type']).toBe('application/yaml');
      expect(put.body.toString()).toBe(firewallVnfd);
    } finally {
      await server.close();
    }
  });

  it('ends in failed with the problem the upload was rejected with', async () => {
    const server = await startServer(catalog(() => problem(422, brokenProblem)));
    try {
      const end = await onboard(new ApiClient({ kind: 'bearer', token: 't' }, server.url), file('x: 1', 'fw.yaml'), 'vnf', () => undefined, 5);
      expect(end.phase).toBe('failed');
      expect(end.phase === 'failed' && end.problem).toMatchObject({ path: brokenProblem.path, expected: 'a positive integer', status: 422 });
    } finally {
      await server.close();
    }
  });

  it('ends in failed with onboardingFailureDetails when processing fails', async () => {
    const server = await startServer((req) => {
      if (req.method === 'POST') return { status: 201, json: { id: 'p1' } };
      if (req.method === 'PUT') return { status: 202 };
      return { status: 200, json: { id: 'p1', onboardingState: 'ERROR', onboardingFailureDetails: brokenProblem } };
    });
    try {
      const end = await onboard(new ApiClient({ kind: 'bearer', token: 't' }, server.url), file('x: 1', 'a.zip'), 'vnf', () => undefined, 5);
      expect(end).toEqual({ phase: 'failed', id: 'p1', problem: brokenProblem });
      expect(server.requests.find((r) => r.method === 'PUT')!.headers['content-type']).toBe('application/zip');
    } finally {
      await server.close();
    }
  });

  it('says plainly when the server has no endpoint for the kind of descriptor', async () => {
    const server = await startServer(() => undefined);
    try {
      const end = await onboard(new ApiClient({ kind: 'bearer', token: 't' }, server.url), file('x: 1', 'ns.yaml'), 'nsd', () => undefined, 5);
      expect(end.phase === 'failed' && end.problem.title).toBe('Not available on this server');
    } finally {
      await server.close();
    }
  });
});

describe('sniffKind', () => {
  it('calls a YAML with an NS node an NSD and everything else a VNF package', () => {
    expect(sniffKind('node_templates:\n  ns:\n    type: tosca.nodes.nfv.NS\n')).toBe('nsd');
    expect(sniffKind(firewallVnfd)).toBe('vnf');
    expect(sniffKind(undefined)).toBe('vnf');
  });
});
