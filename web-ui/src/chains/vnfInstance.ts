/** SOL003 VnfInstance read into what the VNF list shows. */
export interface VnfRow {
  id: string;
  name: string;
  product?: string;
  instantiationState: string;
  vnfState?: string;
  flavourId?: string;
  aspects: { id: string; level: number }[];
  vnfcs: { id: string; vdu?: string; host?: string; state?: string }[];
}

type J = Record<string, unknown>;
const obj = (v: unknown): J => (v && typeof v === 'object' && !Array.isArray(v) ? (v as J) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export function toVnfRow(raw: unknown): VnfRow {
  const v = obj(raw);
  const info = obj(v.instantiatedVnfInfo);
  return {
    id: text(v.id) ?? '?',
    name: text(v.vnfInstanceName) ?? text(v.vnfProductName) ?? text(v.id) ?? '?',
    product: text(v.vnfProductName),
    instantiationState: text(v.instantiationState) ?? 'NOT_INSTANTIATED',
    vnfState: text(info.vnfState),
    flavourId: text(info.flavourId),
    aspects: arr(info.scaleStatus).map((s) => ({ id: text(obj(s).aspectId) ?? '?', level: Number(obj(s).scaleLevel ?? 0) })),
    vnfcs: arr(info.vnfcResourceInfo).map((c) => {
      const vnfc = obj(c);
      const meta = obj(vnfc.metadata);
      return { id: text(vnfc.id) ?? '?', vdu: text(vnfc.vduId), host: text(meta.host) ?? text(obj(vnfc.computeResource).vimConnectionId), state: text(meta.state) };
    }),
  };
}
