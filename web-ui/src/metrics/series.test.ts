// @vitest-environment node
import { append, maxPoints, readingsFrom, type Series } from './series';

describe('metrics series', () => {
  it('keeps numeric SOL002 indicator values per VNF and name', () => {
    const readings = readingsFrom([
      { id: 'i1', name: 'rx_mpps', value: 12.5, vnfInstanceId: 'fw' },
      { id: 'i2', name: 'busy_ratio', value: '0.8', vnfInstanceId: 'fw' },
      { id: 'i3', name: 'state', value: 'OK', vnfInstanceId: 'fw' },
      { id: 'i4', name: 'rx_mpps', value: 3 },
    ], 1000);
    expect(readings).toEqual([
      { vnfInstanceId: 'fw', name: 'rx_mpps', value: 12.5, at: 1000 },
      { vnfInstanceId: 'fw', name: 'busy_ratio', value: 0.8, at: 1000 },
    ]);
    expect(readingsFrom({ not: 'a list' }, 0)).toEqual([]);
  });

  it('bounds each series', () => {
    let s: Series = new Map();
    for (let i = 0; i < maxPoints + 10; i++) s = append(s, [{ vnfInstanceId: 'fw', name: 'rx', value: i, at: i }]);
    const points = s.get('fw')!.get('rx')!;
    expect(points).toHaveLength(maxPoints);
    expect(points[0].value).toBe(10);
  });
});
