import { mulberry32 } from '../../scripts/synthetic-registry';
import { devRegistry } from './server';

type Rec = Record<string, any> & { key: string };

export interface DuplicateRegistry {
  snapshot: Record<string, unknown> & { collaborations: Rec[] };
  /** The pairs (by key) that are one activity entered twice. */
  duplicates: [string, string][];
  /** Pairs made to look alike that are different activities: a repeat in a later period, the same title elsewhere. */
  lookalikes: [string, string][];
}

/** Two styles of re-registration: light edits, and heavier ones with other words, other unit levels and less detail. */
export type Wording = 'light' | 'heavy';

const SYNONYMS: [RegExp, string][] = [
  [/\bprosjekt\b/i, 'project'],
  [/\bsamarbeid\b/i, 'samarbeidet'],
  [/\bog\b/, '&'],
  [/\bom\b/, 'knyttet til'],
  [/\bBydel\b/, 'bydel'],
  [/ i /, ' for '],
  [/\bkommune\b/, 'kommunen'],
];

/**
 * The dev registry with some activities registered a second time, as another unit or the university would
 * register them: another key style, the title edited (typos, word order, hyphens, synonyms, an added place or
 * label), the summary shortened or left out, the unit named at another level (its parent or a child), fewer
 * people, dates a little off. Look-alikes that are not duplicates are added too: a repeat of an activity in a
 * later period, and the same title registered for a sibling unit elsewhere.
 */
export function duplicateRegistry(seed: number, wording: Wording, count = 120): DuplicateRegistry {
  const next = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  // The whole dev registry, with the activities it names alike (its generator reuses titles for other units and
  // years): those are different activities, and count as false candidates.
  const snapshot = devRegistry() as DuplicateRegistry['snapshot'];
  const units = snapshot.units as Rec[];
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const childrenOf = new Map<string, Rec[]>();
  for (const u of units) if (u.parent) childrenOf.set(u.parent, [...(childrenOf.get(u.parent) ?? []), u]);
  const originals = [...snapshot.collaborations];
  const used = new Set<string>();
  const duplicates: [string, string][] = [];
  const lookalikes: [string, string][] = [];
  const newKey = () => `${wording === 'light' ? 'reg' : 'R'}-${Math.floor(next() * 1e9).toString(36)}`;
  const shift = (date: string | undefined, maxDays: number) => {
    if (!date) return date;
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.round((next() * 2 - 1) * maxDays));
    return d.toISOString().slice(0, 10);
  };

  const editTitle = (title: string): string => {
    let t = title;
    const edits = wording === 'light' ? 1 : 2 + Math.floor(next() * 2);
    for (let i = 0; i < edits; i++) {
      const words = t.split(' ');
      switch (Math.floor(next() * 6)) {
        case 0: {
          // A typo in one longer word.
          const candidates = words.map((w, j) => [w, j] as const).filter(([w]) => w.length >= 6);
          if (!candidates.length) break;
          const [w, j] = pick(candidates);
          const at = 1 + Math.floor(next() * (w.length - 2));
          words[j] = next() < 0.5 ? w.slice(0, at) + w.slice(at + 1) : w.slice(0, at) + pick(['e', 'a', 'r', 'n']) + w.slice(at + 1);
          t = words.join(' ');
          break;
        }
        case 1:
          // A label before the colon moved after, or the words around it swapped.
          t = t.includes(': ') ? `${t.split(': ').slice(1).join(': ')} (${t.split(': ')[0]})` : words.length > 3 ? [...words.slice(-2), ...words.slice(0, -2)].join(' ') : t;
          break;
        case 2:
          t = t.includes('-') ? t.replace('-', next() < 0.5 ? '' : ' ') : t.replace(/ (\p{L}{4,}) (\p{L}{4,})/u, ' $1-$2');
          break;
        case 3: {
          const [pattern, replacement] = pick(SYNONYMS);
          t = t.replace(pattern, replacement);
          break;
        }
        case 4:
          t = next() < 0.5 ? `${pick(['Prosjekt', 'Samarbeid', 'Tiltak'])}: ${t}` : `${t} (${pick(['pilot', 'oppfølging', 'del 1'])})`;
          break;
        default:
          t = next() < 0.5 ? t.toLowerCase().replace(/^./, (c) => c.toUpperCase()) : t.toUpperCase();
      }
    }
    return t;
  };

  /** The unit named one level up or down, where the tree has one. */
  const otherLevel = (key: string): string => {
    const unit = unitByKey.get(key);
    const children = childrenOf.get(key) ?? [];
    if (children.length && (next() < 0.5 || !unit?.parent)) return pick(children).key;
    return unit?.parent ?? key;
  };

  const fresh = (o: Rec): Rec => ({ ...structuredClone(o), key: newKey() });
  while (duplicates.length < count) {
    const o = pick(originals);
    if (used.has(o.key) || o.title.split(' ').length < 3) continue;
    used.add(o.key);
    const copy = fresh(o);
    copy.title = editTitle(o.title);
    const summaryStyle = next();
    if (summaryStyle < (wording === 'light' ? 0.2 : 0.4)) delete copy.summary;
    else if (summaryStyle < 0.7 && copy.summary) copy.summary = copy.summary.split('. ')[0];
    const unitStyle = next();
    if (unitStyle < (wording === 'light' ? 0.3 : 0.6)) copy.units = copy.units.map((u: Rec, i: number) => (i === 0 ? { ...u, unit: otherLevel(u.unit) } : u));
    else if (unitStyle < 0.8 && copy.units.length > 1) copy.units = [copy.units[Math.floor(next() * copy.units.length)]];
    copy.units = copy.units.filter((u: Rec, i: number, all: Rec[]) => all.findIndex((x) => x.unit === u.unit) === i);
    if (next() < 0.5) delete copy.people;
    if (next() < 0.5) delete copy.topics;
    copy.startDate = shift(copy.startDate, wording === 'light' ? 10 : 45);
    if (copy.endDate && next() < 0.5) delete copy.endDate;
    if (copy.endDate && copy.startDate && copy.endDate < copy.startDate) copy.endDate = copy.startDate;
    delete copy.parent;
    snapshot.collaborations.push(copy);
    duplicates.push([o.key, copy.key]);
  }

  for (let n = 0; n < count / 3; ) {
    const o = pick(originals);
    if (used.has(o.key) || !o.endDate || !o.startDate) continue;
    used.add(o.key);
    // The same activity run again after the first round ended: another activity in time.
    const repeat = fresh(o);
    const start = new Date(`${o.endDate}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + 30 + Math.floor(next() * 300));
    repeat.startDate = start.toISOString().slice(0, 10);
    delete repeat.endDate;
    delete repeat.parent;
    snapshot.collaborations.push(repeat);
    lookalikes.push([o.key, repeat.key]);
    n++;
  }
  for (let n = 0; n < count / 3; ) {
    const o = pick(originals);
    const municipal = o.units.find((u: Rec) => unitByKey.get(u.unit)?.parent && childrenOf.get(unitByKey.get(u.unit)!.parent)!.length > 1);
    if (used.has(o.key) || !municipal) continue;
    used.add(o.key);
    // The same title for a sibling unit (another bydel): the same kind of work, done elsewhere.
    const siblings = childrenOf.get(unitByKey.get(municipal.unit)!.parent)!.filter((u) => u.key !== municipal.unit && !(childrenOf.get(municipal.unit) ?? []).includes(u));
    const elsewhere = fresh(o);
    elsewhere.units = [{ unit: pick(siblings).key, role: municipal.role }];
    delete elsewhere.people;
    delete elsewhere.parent;
    snapshot.collaborations.push(elsewhere);
    lookalikes.push([o.key, elsewhere.key]);
    n++;
  }
  return { snapshot, duplicates, lookalikes };
}
