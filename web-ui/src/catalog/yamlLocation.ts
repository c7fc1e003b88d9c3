import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';

/** Where a problem's `path` points inside a YAML text: the deepest part of the path that exists. */
export interface YamlLocation {
  line: number; // 1-based
  column: number; // 1-based
  /** the path segments that were found; shorter than the full path when the named field is missing */
  found: string[];
  missing: string[];
}

/**
 * Splits the path forms a validator might use: `a.b[0].c`, `/a/b/0/c` (JSON pointer), `$.a.b`.
 */
export function splitPath(path: string): string[] {
  const trimmed = path.trim().replace(/^\$\.?/, '');
  const raw = trimmed.startsWith('/') ? trimmed.slice(1).split('/') : trimmed.split('.');
  return raw
    .flatMap((part) => part.split(/\[(\d+)\]/).filter((p) => p !== ''))
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function locate(text: string, path: string): YamlLocation | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  if (doc.errors.length > 0 || !doc.contents) return undefined;
  const segments = splitPath(path);
  let node: Node | null = doc.contents as Node;
  let offset = node.range?.[0] ?? 0;
  const found: string[] = [];
  let i = 0;
  while (i < segments.length && node) {
    let next: Node | null = null;
    let consumed = 0;
    if (isMap(node)) {
      // Keys may contain dots (mano.pmd_lcores): try the longest run of segments first.
      for (let k = segments.length - i; k >= 1 && consumed === 0; k--) {
        const key = segments.slice(i, i + k).join('.');
        const pair: Pair<unknown, unknown> | undefined = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key)) {
          offset = pair.key.range?.[0] ?? offset;
          next = (pair.value as Node | null) ?? null;
          consumed = k;
        }
      }
    } else if (isSeq(node) && /^\d+$/.test(segments[i])) {
      const item = node.items[Number(segments[i])] as Node | undefined;
      if (item) {
        offset = item.range?.[0] ?? offset;
        next = item;
        consumed = 1;
      }
    }
    if (consumed === 0) break;
    found.push(...segments.slice(i, i + consumed));
    i += consumed;
    node = next;
  }
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col, found, missing: segments.slice(found.length) };
}
