import { FieldProblem } from '../../errors/registry-error';

/**
 * Rules a collaboration's lists must keep beyond the form of each item. One function for both writers: the
 * service applies it to resolved ids (so a global id and a key for the same unit count as a repeat), the importer
 * to the keys of a snapshot record.
 */
export interface CollaborationLists {
  units?: unknown;
  people?: unknown;
  topics?: unknown;
  funding?: unknown;
}

type Item = Record<string, unknown>;
const items = (value: unknown): Item[] => (Array.isArray(value) ? value.filter((v): v is Item => v !== null && typeof v === 'object') : []);

function repeats(list: unknown[], keyOf: (item: never) => string, field: string, what: string, out: FieldProblem[]): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const key = keyOf(item as never);
    if (seen.has(key)) out.push({ field: `${field}[${i}]`, code: 'INVALID', message: `${what} is listed twice` });
    seen.add(key);
  });
}

export function collaborationListProblems(c: CollaborationLists): FieldProblem[] {
  const out: FieldProblem[] = [];
  repeats(items(c.units), (u: Item) => `${String(u.unit)}/${String(u.role)}`, 'units', 'the same unit in the same role', out);
  repeats(items(c.people), (p: Item) => `${String(p.person)}/${String(p.role)}`, 'people', 'the same person in the same role', out);
  repeats(Array.isArray(c.topics) ? c.topics : [], String, 'topics', 'the same topic', out);
  items(c.funding).forEach((f, i) => {
    if (f.source == null && f.sourceName == null && f.amountNok == null) {
      out.push({ field: `funding[${i}]`, code: 'REQUIRED', message: 'give a source, a sourceName or an amountNok' });
    }
  });
  return out;
}
