import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * Asks before something that cannot be undone. Focus starts on Cancel, Tab stays inside the
 * dialog, Escape cancels, and focus goes back to what opened it.
 */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: {
  title: string; body: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    cancel.current?.focus();
    return () => opener?.focus?.();
  }, []);

  function key(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    } else if (e.key === 'Tab') {
      e.preventDefault();
      (document.activeElement === cancel.current ? confirm : cancel).current?.focus();
    }
  }

  return (
    <div className="backdrop" onKeyDown={key}>
      <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="dialog">
        <h3 id="confirm-title">{title}</h3>
        <p id="confirm-body">{body}</p>
        <div className="actions">
          <button ref={cancel} onClick={onCancel}>Cancel</button>
          <button ref={confirm} className="danger" onClick={onConfirm}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
