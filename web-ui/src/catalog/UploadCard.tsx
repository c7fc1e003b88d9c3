import type { OnboardingStep, PackageKind } from './onboard';
import { ProblemAtField } from './ProblemAtField';

export interface Upload {
  key: string;
  file: File;
  kind: PackageKind;
  source?: string;
  step: OnboardingStep;
}

const stages = ['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED'] as const;

function stageOf(step: OnboardingStep): number {
  switch (step.phase) {
    case 'creating': return 0;
    case 'uploading': return 1;
    case 'processing': return step.state === 'PROCESSING' ? 2 : step.state === 'UPLOADING' ? 1 : 0;
    case 'onboarded': return 3;
    case 'failed': return -1;
  }
}

/** One file on its way in: the state machine as steps, a progress bar while bytes go up, the problem if it failed. */
export function UploadCard({ upload, onDismiss }: { upload: Upload; onDismiss: () => void }) {
  const { step } = upload;
  const current = stageOf(step);
  return (
    <section className={`upload-card ${step.phase}`} aria-label={`Upload of ${upload.file.name}`} data-testid="upload-card">
      <header>
        <strong>{upload.file.name}</strong>
        <span className="muted"> {upload.kind === 'nsd' ? 'NS descriptor' : 'VNF package'}, {formatBytes(upload.file.size)}</span>
        {(step.phase === 'onboarded' || step.phase === 'failed') && (
          <button className="link" onClick={onDismiss} aria-label={`Dismiss ${upload.file.name}`}>Dismiss</button>
        )}
      </header>
      <ol className="stages" aria-label="Onboarding state">
        {stages.map((s, i) => (
          <li key={s} className={step.phase === 'failed' ? '' : i < current ? 'done' : i === current ? 'current' : ''}
            aria-current={i === current ? 'step' : undefined}>
            {s}
          </li>
        ))}
        {step.phase === 'failed' && <li className="failed" aria-current="step">ERROR</li>}
      </ol>
      {step.phase === 'uploading' && (
        <progress max={step.total || 1} value={step.sent} aria-label="Upload progress">
          {Math.round((100 * step.sent) / (step.total || 1))}%
        </progress>
      )}
      {step.phase === 'onboarded' && <p className="ok-text" role="status">Onboarded.</p>}
      {step.phase === 'failed' && <ProblemAtField problem={step.problem} source={upload.source} />}
    </section>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
