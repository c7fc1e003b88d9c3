import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button onClick={() => setOpen(true)}>Delete</button>
      {open && <ConfirmDialog title="Delete it?" body="Gone for good." confirmLabel="Delete for good"
        onConfirm={() => { setOpen(false); onConfirm(); }} onCancel={() => setOpen(false)} />}
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is keyboard-operable: focus on Cancel, Tab cycles inside, Escape cancels and returns focus', () => {
    const confirmed = vi.fn();
    render(<Harness onConfirm={confirmed} />);
    const opener = screen.getByRole('button', { name: 'Delete' });
    opener.focus();
    fireEvent.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete for good' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('confirms with the confirm button', () => {
    const confirmed = vi.fn();
    render(<Harness onConfirm={confirmed} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    expect(confirmed).toHaveBeenCalledOnce();
  });
});
