// @vitest-environment node
import { toVnfRow } from './vnfInstance';

describe('toVnfRow', () => {
  it('reads state, scale levels and where each VNFC runs from a SOL003 VnfInstance', () => {
    expect(toVnfRow({
      id: 'v1', vnfInstanceName: 'fw-edge', vnfProductName: 'firewall', instantiationState: 'INSTANTIATED',
      instantiatedVnfInfo: {
        flavourId: 'default', vnfState: 'STARTED', scaleStatus: [{ aspectId: 'inspection', scaleLevel: 1 }],
        vnfcResourceInfo: [{ id: 'c1', vduId: 'firewall_vdu', computeResource: { vimConnectionId: 'h-uuid', resourceId: 'dom' }, metadata: { host: 'edge-1', state: 'RUNNING' } }],
      },
    })).toEqual({
      id: 'v1', name: 'fw-edge', product: 'firewall', instantiationState: 'INSTANTIATED', vnfState: 'STARTED', flavourId: 'default',
      aspects: [{ id: 'inspection', level: 1 }],
      vnfcs: [{ id: 'c1', vdu: 'firewall_vdu', host: 'edge-1', state: 'RUNNING' }],
    });
  });
});
