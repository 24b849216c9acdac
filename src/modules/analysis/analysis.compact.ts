import { DataSource } from 'typeorm';
import { rawRows } from '../../db/sql';
import { PersonRole, Status } from '../collaborations/collaboration.enums';
import { AUnit, dateText, unitNamesUp } from './analysis.data';
import { CollaborationFacts, municipalOf } from './analysis.facts';

/** Lists of numbers, one per collaboration, end to end in one array (list i at [starts[i], starts[i + 1])). */
class FlatLists {
  private values = new Int32Array(1 << 16);
  private starts = new Int32Array(1 << 12);
  private count = 0;

  /** Starts the next list (lists are added in order). */
  open(): void {
    if (this.count + 2 > this.starts.length) this.starts = grow(this.starts, this.count + 2);
    this.starts[this.count + 1] = this.starts[this.count]!;
    this.count += 1;
  }

  /** Adds a value to the last list opened. */
  push(value: number): void {
    const end = this.starts[this.count]!;
    if (end + 1 > this.values.length) this.values = grow(this.values, end + 1);
    this.values[end] = value;
    this.starts[this.count] = end + 1;
  }

  at(i: number): Int32Array {
    return this.values.subarray(this.starts[i]!, this.starts[i + 1]!);
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, needed: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

const STATUSES = Object.values(Status);

/** One collaboration as it is read, with the text the subject model reads and drops. */
export interface ReadCollaboration {
  id: number;
  title: string;
  summary: string | null;
  keywords: string[];
  topicIds: Int32Array;
  /** Names of its units and their ancestors. */
  unitNames: string[];
}

/** Rows read per statement: enough to keep statements few, few enough to keep a chunk's text small. */
const CHUNK = 20_000;

/**
 * A whole registry as a full build of the analysis reads it: per live collaboration, in id order, only what the
 * pair rules and the gaps need, in flat typed arrays (about 60 bytes a collaboration besides its key). Read in
 * chunks; each collaboration's text goes to `onText` once and is not kept.
 */
export class CompactRegistry implements CollaborationFacts {
  private ids = new Int32Array(1 << 12);
  private slots = new Int32Array(1 << 12).fill(-1);
  private readonly keys: string[] = [];
  private statuses = new Uint8Array(1 << 12);
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private parents = new Int32Array(1 << 12);
  private agreements = new Int32Array(1 << 12);
  private contacts = new Uint8Array(1 << 12);
  private readonly dates: string[] = [];
  private readonly dateIndex = new Map<string, number>();
  private readonly unitLists = new FlatLists();
  private readonly municipalLists = new FlatLists();
  private readonly peopleLists = new FlatLists();
  private readonly topicLists = new FlatLists();
  size = 0;

  private constructor(private readonly unitTree: Map<number, AUnit>) {}

  /** Reads every live collaboration, a chunk per transaction (changes made meanwhile are the caller's to apply). */
  static async read(ds: DataSource, units: Map<number, AUnit>, onText: (c: ReadCollaboration) => void): Promise<CompactRegistry> {
    const registry = new CompactRegistry(units);
    const chainNames = new Map<number, string[]>();
    const namesOf = (unitId: number) => {
      let names = chainNames.get(unitId);
      if (!names) chainNames.set(unitId, (names = unitNamesUp(units, unitId)));
      return names;
    };
    let after = 0;
    for (;;) {
      const chunk = await ds.transaction(async (em) => {
        const rows = await rawRows(
          em,
          `SELECT id, key, title, summary, keywords, status, start_date, end_date, parent_id, agreement_id FROM collaboration
           WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT ${CHUNK}`,
          [after],
        );
        if (!rows.length) return null;
        const range = [after + 1, Number(rows[rows.length - 1]![0])];
        const listed = (table: string, columns: string) =>
          rawRows(em, `SELECT collaboration_id, ${columns} FROM ${table} WHERE collaboration_id BETWEEN $1 AND $2 ORDER BY collaboration_id, position`, range);
        return { rows, units: await listed('collaboration_unit', 'unit_id'), people: await listed('collaboration_person', 'person_id, role'), topics: await listed('collaboration_topic', 'topic_id') };
      });
      if (!chunk) return registry;
      const group = (rows: unknown[][]) => {
        const out = new Map<number, unknown[][]>();
        for (const row of rows) {
          const list = out.get(Number(row[0]));
          if (list) list.push(row);
          else out.set(Number(row[0]), [row]);
        }
        return out;
      };
      const [unitsOf, peopleOf, topicsOf] = [group(chunk.units), group(chunk.people), group(chunk.topics)];
      for (const [id, key, title, summary, keywords, status, start, end, parent, agreement] of chunk.rows) {
        const n = Number(id);
        const unitIds = (unitsOf.get(n) ?? []).map((r) => Number(r[1]));
        const people = peopleOf.get(n) ?? [];
        const topicIds = Int32Array.from((topicsOf.get(n) ?? []).map((r) => Number(r[1])));
        registry.add({
          id: n,
          key: String(key),
          status: status as Status,
          start: dateText(start),
          end: dateText(end),
          parent: parent === null ? -1 : Number(parent),
          agreement: agreement === null ? -1 : Number(agreement),
          unitIds,
          people: people.map((r) => Number(r[1])),
          contact: people.some((r) => r[2] === PersonRole.PROJECT_LEADER || r[2] === PersonRole.CONTACT),
          topicIds,
        });
        onText({ id: n, title: String(title), summary: (summary as string | null) ?? null, keywords: JSON.parse(String(keywords)) as string[], topicIds, unitNames: unitIds.flatMap(namesOf) });
      }
      after = Number(chunk.rows[chunk.rows.length - 1]![0]);
    }
  }

  private add(c: {
    id: number;
    key: string;
    status: Status;
    start: string | null;
    end: string | null;
    parent: number;
    agreement: number;
    unitIds: number[];
    people: number[];
    contact: boolean;
    topicIds: Int32Array;
  }): void {
    const i = this.size++;
    if (i >= this.ids.length) {
      for (const name of ['ids', 'starts', 'ends', 'parents', 'agreements'] as const) this[name] = grow(this[name], i + 1);
      this.statuses = grow(this.statuses, i + 1);
      this.contacts = grow(this.contacts, i + 1);
    }
    if (c.id >= this.slots.length) {
      const bigger = new Int32Array(Math.max(c.id + 1, this.slots.length * 2)).fill(-1);
      bigger.set(this.slots);
      this.slots = bigger;
    }
    this.slots[c.id] = i;
    this.ids[i] = c.id;
    this.keys.push(c.key);
    this.statuses[i] = STATUSES.indexOf(c.status);
    this.starts[i] = this.date(c.start);
    this.ends[i] = this.date(c.end);
    this.parents[i] = c.parent;
    this.agreements[i] = c.agreement;
    this.contacts[i] = c.contact ? 1 : 0;
    this.unitLists.open();
    for (const u of c.unitIds) this.unitLists.push(u);
    this.municipalLists.open();
    for (const u of municipalOf(c.unitIds, this.unitTree)) this.municipalLists.push(u);
    this.peopleLists.open();
    for (const p of c.people) this.peopleLists.push(p);
    this.topicLists.open();
    for (const t of c.topicIds) this.topicLists.push(t);
  }

  /** Dates by number: a registry has a few thousand distinct ones, not a string per collaboration. */
  private date(value: string | null): number {
    if (value === null) return -1;
    let i = this.dateIndex.get(value);
    if (i === undefined) {
      i = this.dates.length;
      this.dates.push(value);
      this.dateIndex.set(value, i);
    }
    return i;
  }

  /** The ids of all collaborations read, ascending. */
  allIds(): Int32Array {
    return this.ids.subarray(0, this.size);
  }

  /** The position of a collaboration in reading order (the order of the subject model's documents). */
  slot(id: number): number {
    return id < this.slots.length ? this.slots[id]! : -1;
  }

  has(id: number): boolean {
    return this.slot(id) >= 0;
  }

  key(id: number): string {
    return this.keys[this.slot(id)]!;
  }

  status(id: number): Status {
    return STATUSES[this.statuses[this.slot(id)]!]!;
  }

  startDate(id: number): string | null {
    return this.dates[this.starts[this.slot(id)]!] ?? null;
  }

  endDate(id: number): string | null {
    return this.dates[this.ends[this.slot(id)]!] ?? null;
  }

  parentId(id: number): number | null {
    const p = this.parents[this.slot(id)]!;
    return p < 0 ? null : p;
  }

  agreementId(id: number): number | null {
    const a = this.agreements[this.slot(id)]!;
    return a < 0 ? null : a;
  }

  units(id: number): Int32Array {
    return this.unitLists.at(this.slot(id));
  }

  municipal(id: number): Int32Array {
    return this.municipalLists.at(this.slot(id));
  }

  people(id: number): Int32Array {
    return this.peopleLists.at(this.slot(id));
  }

  hasContact(id: number): boolean {
    return this.contacts[this.slot(id)] === 1;
  }

  topics(id: number): Int32Array {
    return this.topicLists.at(this.slot(id));
  }
}
