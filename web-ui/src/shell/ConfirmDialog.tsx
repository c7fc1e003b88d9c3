import { useEffect, useRef } from 'react';

/** Asks before something that cannot be undone. Escape cancels; focus starts on Cancel. */
export function ConfirmDialog({ title, body, confirmLabel, onConfirm, onCancel }: {
  title: string; body: string; confirmLabel: string; onConfirm: () => void; onCancel: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div role="dialog" aria-modal="true" aria-labelledby="confirm-title" className="dialog">
        <h3 id="confirm-title">{title}</h3>
        <p>{body}</p>
        <div className="actions">
          <button ref={cancel} onClick={onCancel}>Cancel</button>
          <button className="danger" onClick={onConfirm}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
