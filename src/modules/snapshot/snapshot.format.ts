/** The registry snapshot format, version 1 (see README and registry-format.md). */
export const SNAPSHOT_FORMAT = 'collaboration-registry';
export const SNAPSHOT_VERSION = 1;

export const SECTIONS = ['topics', 'units', 'people', 'agreements', 'collaborations'] as const;
export type Section = (typeof SECTIONS)[number];

export type SnapshotRecord = Record<string, unknown> & { key: string };

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  topics?: SnapshotRecord[];
  units?: SnapshotRecord[];
  people?: SnapshotRecord[];
  agreements?: SnapshotRecord[];
  collaborations?: SnapshotRecord[];
}

/**
 * A record in canonical form: absent, null and empty values dropped, defaults made explicit, so two records
 * that mean the same compare equal as JSON (used for idempotent import and the export round trip).
 */
export function canonical(section: Section, record: Record<string, unknown>): Record<string, unknown> {
  // Built from entries, never by assignment, so no field name (`__proto__`) can act on the object itself.
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(record)
      .map(([field, value]) => [field, stripEmpty(value)] as const)
      .filter(([, value]) => value !== undefined),
  );
  if (section === 'collaborations' && out.status === undefined) out.status = 'ACTIVE';
  return out;
}

function stripEmpty(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(stripEmpty).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, stripEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value;
}

/** JSON with object keys sorted, for order-independent comparison of canonical records. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
