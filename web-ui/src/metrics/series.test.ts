// @vitest-environment node
import { append, maxPoints, readingsFrom, type Series } from './series';

describe('metrics series', () => {
  it('keeps numeric SOL002 indicator values per VNF and indicator id', () => {
    const readings = readingsFrom([
      { id: 'rx_pps', name: 'Rx packets/s', value: 12500000, vnfInstanceId: 'fw' },
      { id: 'busy_ratio_max', name: 'Busy ratio', value: '0.8', vnfInstanceId: 'fw' },
      { id: 'state', name: 'state', value: 'OK', vnfInstanceId: 'fw' },
      { id: 'rx_pps', value: 3 },
    ], 1000);
    expect(readings).toEqual([
      { vnfInstanceId: 'fw', id: 'rx_pps', name: 'Rx packets/s', value: 12500000, at: 1000 },
      { vnfInstanceId: 'fw', id: 'busy_ratio_max', name: 'Busy ratio', value: 0.8, at: 1000 },
    ]);
    expect(readingsFrom({ not: 'a list' }, 0)).toEqual([]);
  });

  it('bounds each series', () => {
    let s: Series = new Map();
    for (let i = 0; i < maxPoints + 10; i++) s = append(s, [{ vnfInstanceId: 'fw', id: 'rx', name: 'rx', value: i, at: i }]);
    const points = s.get('fw')!.get('rx')!;
    expect(points).toHaveLength(maxPoints);
    expect(points[0].value).toBe(10);
  });
});
