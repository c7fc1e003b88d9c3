import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/problem';
import { ProblemAtField } from './ProblemAtField';
import type { VnfPkgInfo } from './types';
import { parseVnfd, type VnfdSummary } from './vnfd';
import { VnfdView } from './VnfdView';

type VnfdState =
  | { status: 'loading' }
  | { status: 'ok'; vnfd: VnfdSummary; text: string }
  | { status: 'none'; reason: string };

export function PackageDetail({ api, pkg, onClose }: { api: ApiClient; pkg: VnfPkgInfo; onClose: () => void }) {
  const [vnfd, setVnfd] = useState<VnfdState>({ status: 'loading' });
  const [showSource, setShowSource] = useState(false);
  const panel = useRef<HTMLElement>(null);
  // Opening a package brings its detail into view and puts the keyboard there.
  useEffect(() => {
    panel.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    panel.current?.focus();
  }, [pkg.id]);

  useEffect(() => {
    if (pkg.onboardingState !== 'ONBOARDED') {
      setVnfd({ status: 'none', reason: `The VNFD is readable once the package is ONBOARDED (now ${pkg.onboardingState}).` });
      return;
    }
    let live = true;
    setVnfd({ status: 'loading' });
    api.getText(`/vnfpkgm/v1/vnf_packages/${pkg.id}/vnfd`).then(
      (text) => {
        if (!live) return;
        try {
          setVnfd({ status: 'ok', vnfd: parseVnfd(text), text });
        } catch (e) {
          setVnfd({ status: 'none', reason: `The VNFD is not readable YAML: ${(e as Error).message}` });
        }
      },
      (e) => live && setVnfd({ status: 'none', reason: e instanceof ApiError && e.notFound ? 'This server does not serve the VNFD of a package.' : (e as Error).message }),
    );
    return () => { live = false; };
  }, [api, pkg.id, pkg.onboardingState]);

  return (
    <section className="detail" aria-labelledby="pkg-detail-title" data-testid="package-detail" ref={panel} tabIndex={-1}>
      <header className="detail-head">
        <h3 id="pkg-detail-title">{pkg.vnfProductName ?? pkg.id}</h3>
        <button className="link" onClick={onClose}>Close</button>
      </header>
      <p className="muted">Package <code>{pkg.id}</code>{pkg.vnfdId && <> · VNFD <code>{pkg.vnfdId}</code></>}</p>
      {pkg.onboardingFailureDetails && <ProblemAtField problem={pkg.onboardingFailureDetails} />}
      {vnfd.status === 'loading' && <p className="muted" role="status">Reading the VNFD…</p>}
      {vnfd.status === 'none' && <p className="muted">{vnfd.reason}</p>}
      {vnfd.status === 'ok' && (
        <>
          <VnfdView vnfd={vnfd.vnfd} />
          <button className="link" aria-expanded={showSource} onClick={() => setShowSource(!showSource)}>
            {showSource ? 'Hide' : 'Show'} VNFD source
          </button>
          {showSource && <pre className="source">{vnfd.text}</pre>}
        </>
      )}
    </section>
  );
}
