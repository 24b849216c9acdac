/** Opaque global IDs: base64url of `Type:dbId`. Clients must treat them as opaque strings. */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: string; id: number } | null {
  if (!/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Z][A-Za-z]+):([1-9]\d{0,15})$/.exec(decoded);
  if (!match) return null;
  return { type: match[1]!, id: Number(match[2]) };
}
