import DataLoader from 'dataloader';

/** Walks up a tree through a per-request loader, nearest ancestor first; stops on a (corrupt) cycle. */
export async function ancestorsOf<T extends { id: number; parentId: number | null }>(
  record: T,
  loader: DataLoader<number, T | null>,
): Promise<T[]> {
  const seen = new Set([record.id]);
  const out: T[] = [];
  let parentId = record.parentId;
  while (parentId !== null && !seen.has(parentId)) {
    const parent = await loader.load(parentId);
    if (!parent) break;
    seen.add(parent.id);
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}
