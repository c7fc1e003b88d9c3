import { useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

/** Drop files here, or press Enter/Space (or click) to pick them: the same path for mouse and keyboard. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();

  function drop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  }

  function key(e: KeyboardEvent) {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.current?.click();
    }
  }

  return (
    <div
      className={`dropzone${over ? ' over' : ''}${disabled ? ' disabled' : ''}`}
      role="button"
      tabIndex={disabled ? -1 : 0}
      aria-disabled={disabled}
      aria-describedby={hintId}
      aria-label="Upload a VNF package or NS descriptor"
      data-testid="dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      onClick={() => !disabled && input.current?.click()}
      onKeyDown={key}
    >
      <strong>Drop a VNF package (CSAR .zip or VNFD .yaml) or an NSD here</strong>
      <span id={hintId} className="muted">
        {disabled ? 'Your role may read the catalog but not change it.' : 'or press Enter to choose a file'}
      </span>
      <input
        ref={input}
        type="file"
        accept=".zip,.csar,.yaml,.yml"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}
