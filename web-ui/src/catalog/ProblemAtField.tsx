import type { Problem } from '../api/problem';
import { locate } from './yamlLocation';

const context = 3;

/**
 * A validation problem shown where it happened: the lines of the uploaded YAML around the
 * field its `path` names, the line marked, the message under it. Without the source (a CSAR)
 * it still names file, path and what was expected.
 */
export function ProblemAtField({ problem, source }: { problem: Problem; source?: string }) {
  const where = source && problem.path ? locate(source, problem.path) : undefined;
  const lines = source?.split(/\r?\n/) ?? [];
  const first = where ? Math.max(1, where.line - context) : 0;
  const last = where ? Math.min(lines.length, where.line + context) : -1;
  return (
    <div className="problem" role="alert" data-testid="problem">
      <p className="problem-title">
        <strong>{problem.title ?? 'Invalid package'}</strong>
        {problem.status ? <span className="muted"> (HTTP {problem.status})</span> : null}
      </p>
      {problem.detail && <p>{problem.detail}</p>}
      {(problem.file || problem.path || problem.expected) && (
        <dl className="problem-fields">
          {problem.file && (<><dt>File</dt><dd><code>{problem.file}</code></dd></>)}
          {problem.path && (<><dt>Field</dt><dd><code data-testid="problem-path">{problem.path}</code></dd></>)}
          {problem.expected && (<><dt>Expected</dt><dd>{problem.expected}</dd></>)}
        </dl>
      )}
      {Array.isArray(problem.reasons) && problem.reasons.length > 0 && (
        // A placement that did not fit says why, per host and cell.
        <ul className="reasons" aria-label="Reasons">
          {problem.reasons.map((r, i) => <li key={i}>{typeof r === 'string' ? r : JSON.stringify(r)}</li>)}
        </ul>
      )}
      {where && (
        <pre className="source-excerpt" aria-label={`Source around line ${where.line}`}>
          {lines.slice(first - 1, last).map((text, i) => {
            const n = first + i;
            const marked = n === where.line;
            return (
              <div key={n} className={marked ? 'marked' : undefined} data-testid={marked ? 'marked-line' : undefined}>
                <span className="line-no">{n}</span>
                {text || ' '}
                {marked && (
                  <div className="field-message">
                    {' '.repeat(Math.max(0, where.column - 1))}
                    ↑ {where.missing.length > 0 ? `missing: ${where.missing.join('.')}` : 'here'}
                    {problem.expected ? ` — expected ${problem.expected}` : ''}
                  </div>
                )}
              </div>
            );
          })}
        </pre>
      )}
    </div>
  );
}
