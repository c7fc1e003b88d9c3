/** The orchestrator's roles; each includes the ones before it. */
export type Role = 'VIEWER' | 'OPERATOR' | 'ADMIN';

const rank: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export function allows(held: Role, needed: Role): boolean {
  return rank[held] >= rank[needed];
}

export function isRole(value: unknown): value is Role {
  return value === 'VIEWER' || value === 'OPERATOR' || value === 'ADMIN';
}
