import { pathText, type ChainLink, type ChainSap, type ChainView } from './nsInstance';

/**
 * How each segment of the chain was made, one line each in chain order, beside the drawing: the path as a
 * person reads it (with what was asked for and why, when a vhost-user link fell back to a tap/bridge, so an
 * operator sees it without hovering), where it runs, and for a switched vhost-user link the two sockets.
 */
export function ChainWiring({ chain }: { chain: ChainView }) {
  const name = (id: string | undefined) => chain.vnfs.find((v) => v.id === id)?.name ?? id ?? '?';
  const ingress = chain.saps.find((s) => s.side === 'ingress');
  const egress = chain.saps.find((s) => s.side === 'egress');
  const links = chain.links.filter((l) => l.path !== undefined || l.fallback !== undefined);
  if (!ingress && !egress && links.length === 0) return null;
  return (
    <ul className="chain-wiring" aria-label={`How ${chain.name} is wired`} data-testid="chain-wiring"
      style={{ listStyle: 'none', padding: 0, margin: '4px 0 8px', fontSize: 13 }}>
      {ingress && <SapLine sap={ingress} ends={`ingress → ${name(ingress.vnf ?? chain.vnfs[0]?.id)}`} />}
      {links.map((l, i) => <LinkLine key={i} link={l} ends={`${name(l.from)} → ${name(l.to)}`} from={name(l.from)} to={name(l.to)} />)}
      {egress && <SapLine sap={egress} ends={`${name(egress.vnf ?? chain.vnfs[chain.vnfs.length - 1]?.id)} → egress`} />}
    </ul>
  );
}

/** Every line indented alike, a notice (a fallback) or not. */
const line = { padding: '3px 8px', margin: '2px 0' };
const on = (hosts: string[] | undefined) => (hosts?.length ? ` on ${hosts.join(', ')}` : '');

function LinkLine({ link, ends, from, to }: { link: ChainLink; ends: string; from: string; to: string }) {
  const where = link.switched ? ` · chain switch${link.switched.segment ? ` segment ${link.switched.segment}` : ''}`
    : link.bridge ? ` · bridge ${link.bridge}` : '';
  return (
    <li className={link.fallback ? 'notice' : undefined} style={line} data-testid="wiring-link">
      <strong>{ends}</strong>: {pathText(link)}{where}{on(link.hosts)}
      {link.switched && (
        <div className="muted" data-testid="wiring-sockets">
          sockets: {from} <code>{link.switched.upstreamSocket ?? '?'}</code>, {to} <code>{link.switched.downstreamSocket ?? '?'}</code>
        </div>
      )}
    </li>
  );
}

function SapLine({ sap, ends }: { sap: ChainSap; ends: string }) {
  const path = sap.path ?? (sap.bridge ? 'tap/bridge' : undefined);
  const where = sap.bridge ? ` · bridge ${sap.bridge}` : sap.physicalNetwork ? ` · ${sap.physicalNetwork}` : '';
  return (
    <li className={sap.fallback ? 'notice' : undefined} style={line} data-testid={`wiring-${sap.side}`}>
      <strong>{ends}</strong>: {pathText({ path, fallback: sap.fallback })}{where}{on(sap.hosts)}
    </li>
  );
}
