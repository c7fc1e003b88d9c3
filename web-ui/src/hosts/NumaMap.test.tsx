import { render, screen, within } from '@testing-library/react';
import { NumaMap } from './NumaMap';
import { toHostView } from './topology';
import { hostJson } from '../testing/hostFixture';

describe('NumaMap', () => {
  it('draws each cell with its cores, pools and VFs, and says what is free', () => {
    render(<NumaMap host={toHostView(hostJson)} />);
    const cell0 = screen.getByTestId('cell-0');
    expect(within(cell0).getByTestId('free-summary').textContent).toContain('1 whole isolated cores (3 threads), 1 VFs');
    expect(within(cell0).getByLabelText('CPU 1: isolated, held by fw-0')).toBeTruthy();
    expect(within(cell0).getByLabelText('CPU 2: isolated, free')).toBeTruthy();
    expect(within(cell0).getByLabelText('CPU 0: housekeeping, free')).toBeTruthy();
    const meter = within(cell0).getByLabelText('2 MiB pages used') as HTMLMeterElement;
    expect([meter.value, meter.max]).toEqual([256, 512]);
    expect(within(cell0).getByText('256 free / 512')).toBeTruthy();
    expect(within(cell0).getByLabelText('VF 0 (0000:3b:02.0), held by fw-0')).toBeTruthy();
    expect(within(cell0).getByText('physnet-a')).toBeTruthy();
    expect(screen.getByText('NICs on no reported cell')).toBeTruthy();
    const legend = screen.getByRole('list', { name: 'VNFCs on this host' });
    expect(within(legend).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['VNFC fw-0', 'VNFC nat-0']);
  });
});
