/** Screens live in the URL hash (#/catalog) so every screen is served by the one index.html, with no server-side routes. */
export const screens = [
  { id: 'catalog', label: 'Catalog' },
  { id: 'chains', label: 'Service chains' },
  { id: 'operations', label: 'Operations' },
  { id: 'hosts', label: 'Hosts' },
  { id: 'metrics', label: 'Metrics' },
] as const;

export type ScreenId = (typeof screens)[number]['id'];

export function screenFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return screens.find((s) => s.id === id)?.id ?? 'catalog';
}
