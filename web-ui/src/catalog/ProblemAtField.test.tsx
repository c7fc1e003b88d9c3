import { render, screen, within } from '@testing-library/react';
import { ProblemAtField } from './ProblemAtField';
import { brokenProblem, brokenVnfd } from '../testing/fixtures';

describe('ProblemAtField', () => {
  it('marks the line of the named field in the uploaded source, with what was expected', () => {
    render(<ProblemAtField problem={brokenProblem} source={brokenVnfd} />);
    const marked = screen.getByTestId('marked-line');
    expect(marked.textContent).toContain('num_virtual_cpu: three');
    expect(marked.textContent).toContain('↑ here — expected a positive integer');
    expect(screen.getByLabelText(/^Source around line \d+$/).querySelectorAll(':scope > div')).toHaveLength(7);
  });

  it('names file, field and expectation without a source (a CSAR)', () => {
    render(<ProblemAtField problem={brokenProblem} />);
    expect(screen.getByText('firewall.yaml')).toBeTruthy();
    expect(screen.getByTestId('problem-path').textContent).toBe(brokenProblem.path);
    expect(screen.queryByTestId('marked-line')).toBeNull();
  });

  it('lists the per-host reasons of a placement that did not fit', () => {
    render(<ProblemAtField problem={{ status: 409, title: 'No host can take the VNFC', reasons: ['host-a cell 0: 1 free isolated core, needs 3', 'host-b: no VF on physnet-data'] }} />);
    const reasons = screen.getByRole('list', { name: 'Reasons' });
    expect(within(reasons).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['host-a cell 0: 1 free isolated core, needs 3', 'host-b: no VF on physnet-data']);
  });
});
