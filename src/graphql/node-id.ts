/** The largest database id: ids are 32-bit integer columns, and a larger number would overflow them in SQL. */
export const MAX_DB_ID = 2 ** 31 - 1;

/** Opaque global IDs: base64url of `Type:dbId`. Clients must treat them as opaque strings. */
export function toGlobalId(type: string, id: number): string {
  // Type names and numbers are ASCII, where latin1 and UTF-8 bytes agree; latin1 is the cheaper encoding.
  return Buffer.from(`${type}:${id}`, 'latin1').toString('base64url');
}

/** Whether a number can be a database id (1 to 2^31-1). */
export function isDbId(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_DB_ID;
}

/** The type and database id a global id names; null for anything else, including ids no record can have. */
export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  // A type name starts with a capital, whose base64 starts with Q to W: keys (most lookups) stop here, undecoded.
  if (!/^[Q-W][A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || !isDbId(Number(match[2]))) return null;
  return { type: match[1]!, id: Number(match[2]) };
}
