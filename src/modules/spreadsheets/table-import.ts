import { DataSource } from 'typeorm';
import { RecordClass, resolveRefs } from '../../db/references';
import { rawQuery } from '../../db/sql';
import { FieldProblem, RegistryError } from '../../errors/registry-error';
import { diff } from '../audit/audit';
import { exportSnapshot } from '../snapshot/snapshot.exporter';
import { canonical, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotRecord } from '../snapshot/snapshot.format';
import { SnapshotService } from '../snapshot/snapshot.service';
import { CollaborationKind, ParticipantRole, PersonRole, Status } from '../collaborations/collaboration.enums';
import { DuplicatesService } from '../duplicates/duplicates.service';
import { Agreement } from '../agreements/agreement.entity';
import { Collaboration } from '../collaborations/collaboration.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Cell, cellDate, cellItems, cellList, CellProblem, cellText, comparable, enumValue, ListItem } from './cell-values';
import { ColumnUse, columnsOf, fieldValue, FIELDS, FieldSpec, ReferenceTarget, TableType } from './table-columns';
import { readTable, Table } from './table-file';

export interface TableImportRequest {
  type: TableType;
  file: Uint8Array;
  /** Header → field (or null to leave the column out); null to recognise columns by their headers. */
  mapping: Record<string, unknown> | null;
  /** Write the changes; without it nothing is written (a dry run). */
  apply: boolean;
}

export type RowAction = 'CREATE' | 'UPDATE' | 'UNCHANGED';

export interface RowOutcome {
  row: number;
  key: string;
  action: RowAction;
  /** For UPDATE: the fields that change. */
  fields: string[];
  /** The key the row gave when that record was merged into this one: the row acts on the record it went into. */
  mergedFrom: string | null;
  /** For a new collaboration: registered ones it probably duplicates (at most 5, most certain first). */
  possibleDuplicates: { key: string; title: string; score: number }[];
}

export interface RowProblem {
  /** Spreadsheet row number (the header is row 1); null for a problem with the whole file. */
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
}

export interface TableImportReport {
  type: TableType;
  applied: boolean;
  format: Table['format'];
  encoding: Table['encoding'];
  delimiter: string | null;
  columns: { header: string; field: string | null; note: string | null }[];
  rows: RowOutcome[];
  problems: RowProblem[];
}

/** Problems reported at most per file: enough to fix a file in a few rounds, bounded for the caller. */
export const MAX_TABLE_PROBLEMS = 500;
export const MAX_POSSIBLE_DUPLICATES = 5;

interface KnownRecord {
  key: string;
  names: string[];
  numbers: string[];
}

const NOUN: Record<ReferenceTarget, string> = { topics: 'topic', units: 'unit', people: 'person', agreements: 'agreement', collaborations: 'collaboration' };

/** What finds a record of each kind besides its key: names, and for units their public numbers, for people e-mail. */
const KNOWN_BY: Record<ReferenceTarget, { cls: RecordClass; table: string; names: string[]; numbers: string[] }> = {
  topics: { cls: Topic, table: 'topic', names: ['label', 'label_en'], numbers: [] },
  units: { cls: Unit, table: 'unit', names: ['name', 'short_name'], numbers: ['org_number', 'municipality_number', 'district_number'] },
  people: { cls: Person, table: 'person', names: ['name'], numbers: ['email'] },
  agreements: { cls: Agreement, table: 'agreement', names: ['title'], numbers: [] },
  collaborations: { cls: Collaboration, table: 'collaboration', names: ['title'], numbers: [] },
};

/**
 * Finds records by key, exact name (case, accents and spacing aside) or number, among the registry's live
 * records and the rows of the file being imported.
 */
class RecordIndex {
  private readonly byKey = new Map<string, KnownRecord>();
  private readonly byName = new Map<string, KnownRecord[]>();
  private readonly byNumber = new Map<string, KnownRecord>();
  /** Every key in use, deleted records' included: a new key must differ from them all. */
  readonly taken = new Set<string>();

  constructor(private readonly target: ReferenceTarget) {}

  add(record: KnownRecord): void {
    this.byKey.set(record.key, record);
    this.taken.add(record.key);
    for (const name of record.names) {
      const list = this.byName.get(comparable(name)) ?? [];
      if (!list.includes(record)) this.byName.set(comparable(name), [...list, record]);
    }
    for (const number of record.numbers) this.byNumber.set(number.toLowerCase(), record);
  }

  /** The key of the record a cell names; a CellProblem when it names none, or several. */
  resolve(text: string): string {
    const found = this.find(text);
    if (found.length === 1) return found[0]!.key;
    if (found.length > 1) {
      throw new CellProblem(`"${text}" names ${found.length} ${NOUN[this.target]}s (${found.map((r) => r.key).slice(0, 5).join(', ')}): write the key`);
    }
    throw new CellProblem(`no ${NOUN[this.target]} "${text}" (looked for its key, name${this.target === 'units' ? ' and numbers' : this.target === 'people' ? ' and e-mail' : ''})`);
  }

  /** A deleted record's key that leads to a live record (it was merged into it) finds that record. */
  alias(key: string, record: KnownRecord): void {
    this.byKey.set(key, record);
  }

  /** The key of the record the text is the key of (a merged record's key gives the survivor's). */
  keyOf(text: string): string | undefined {
    return this.byKey.get(text)?.key;
  }

  find(text: string): KnownRecord[] {
    const byKey = this.byKey.get(text);
    if (byKey) return [byKey];
    const digits = text.replace(/\s/g, '');
    const number = this.byNumber.get(digits.toLowerCase()) ?? (/^\d{3}$|^\d{5}$/.test(digits) ? this.byNumber.get(`0${digits}`) : undefined);
    if (number) return [number];
    return this.byName.get(comparable(text)) ?? [];
  }
}

const LIST_KINDS: FieldSpec['kind'][] = ['textList', 'enumList', 'referenceList', 'roleList'];

/** A new record, its lists empty until a cell fills them: no column for a list means nothing in it (a person needs no affiliation). */
function newRecord(type: TableType, key: string): Record<string, unknown> {
  return { key, ...Object.fromEntries(FIELDS[type].filter((spec) => LIST_KINDS.includes(spec.kind)).map((spec) => [spec.field, []])) };
}

/** A key made from a name: "Recovery-orientert praksis i Drammen" → "recovery-orientert-praksis-i-drammen". */
function keyFrom(name: string, taken: Set<string>, fallback: string): string {
  const base =
    comparable(name)
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

/**
 * Imports a spreadsheet of one record type: each row becomes a snapshot record (a new one, or an existing one
 * with the row's non-empty cells laid over it) and the whole file goes through the snapshot importer, so a
 * table is checked and written exactly as a snapshot is: all or nothing, with audit entries, EDITOR scope
 * checked on the result. A dry run does all of it and rolls back.
 */
export class TableImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly snapshot: SnapshotService,
    private readonly duplicates: DuplicatesService,
  ) {}

  async import(request: TableImportRequest): Promise<TableImportReport> {
    const table = await readTable(request.file);
    const uses = columnsOf(request.type, table.headers, request.mapping);
    const indexes = await this.loadIndexes();
    const problems: RowProblem[] = [];
    const problem = (p: RowProblem) => {
      if (problems.length < MAX_TABLE_PROBLEMS) problems.push(p);
    };

    const own = indexes[request.type];
    const keyed = this.identify(request.type, table, uses, own, problem);
    const existingIds = await this.idsOf(request.type, keyed.map((k) => k.key));
    // As exported, not canonical: a person's empty affiliations stay, as the snapshot format requires them.
    const existing = new Map<string, SnapshotRecord>();
    if (existingIds.size) {
      const exported = await exportSnapshot(this.ds.manager, { [request.type]: [...existingIds.values()] });
      for (const r of exported[request.type] ?? []) existing.set(r.key, r);
    }

    const records: { row: number; record: SnapshotRecord; mergedFrom: string | null }[] = [];
    for (const { row, cells, key, mergedFrom } of keyed) {
      const before = existing.get(key);
      const record: Record<string, unknown> = structuredClone(before ?? newRecord(request.type, key));
      let readable = true;
      for (const use of uses) {
        const cell = cells[use.index] ?? null;
        if (!use.spec || cell === null || use.spec.field === 'key') continue;
        try {
          const value = this.cellValue(use.spec, cell, indexes, before);
          if (value === null) continue;
          const [field, nested] = use.spec.field.split('.') as [string, string | undefined];
          if (nested) record[field] = { ...((record[field] as object | undefined) ?? {}), [nested]: value };
          else record[field] = value;
        } catch (error) {
          if (!(error instanceof CellProblem)) throw error;
          readable = false;
          problem({ row, column: use.header, field: use.spec.field, message: error.message });
        }
      }
      if (readable) records.push({ row, record: record as SnapshotRecord, mergedFrom });
    }

    const rows: RowOutcome[] = records.map(({ row, record, mergedFrom }) => {
      const before = existing.get(record.key) ?? null;
      const changed = before ? diff(canonical(request.type, before) as SnapshotRecord, canonical(request.type, record) as SnapshotRecord).map((c) => c.field) : [];
      return { row, key: record.key, action: !before ? 'CREATE' : changed.length ? 'UPDATE' : 'UNCHANGED', fields: changed, mergedFrom, possibleDuplicates: [] };
    });
    // Against the registry as it is before the import: once applied, a new record would find itself.
    if (request.type === 'collaborations') await this.markDuplicates(rows, records.map((r) => r.record));

    try {
      await this.snapshot.import(
        { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, [request.type]: records.map((r) => r.record) },
        { dryRun: !request.apply || problems.length > 0, maxProblems: MAX_TABLE_PROBLEMS },
      );
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      for (const p of error.problems) {
        const located = this.rowProblem(p, request.type, records, uses);
        // class-validator names every rule a value breaks; the first says enough.
        if (!problems.some((q) => q.row === located.row && q.row !== null && q.field === located.field)) problem(located);
      }
    }
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));

    return {
      type: request.type,
      applied: request.apply && problems.length === 0,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      columns: uses.map((u) => ({ header: u.header, field: u.spec?.field ?? null, note: u.note })),
      rows,
      problems,
    };
  }

  /** New collaborations that look like ones already registered: shown before they are created twice. */
  private async markDuplicates(rows: RowOutcome[], records: SnapshotRecord[]): Promise<void> {
    const created = rows.map((row, i) => ({ row, record: records[i]! })).filter(({ row }) => row.action === 'CREATE');
    if (!created.length) return;
    const idsOf = async (table: string) => new Map((await rawQuery<{ id: number; key: string }>(this.ds.manager, `SELECT id, key FROM "${table}" WHERE deleted_at IS NULL`)).map((r) => [r.key, Number(r.id)]));
    const [units, people] = [await idsOf('unit'), await idsOf('person')];
    const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, string>[]) : []);
    const found = await this.duplicates.againstRegistry(
      created.map(({ record: r }) => ({
        key: r.key,
        title: String(r.title ?? ''),
        summary: (r.summary as string | undefined) ?? null,
        keywords: (r.keywords as string[] | undefined) ?? [],
        kind: r.kind as CollaborationKind,
        status: (r.status as Status | undefined) ?? Status.ACTIVE,
        startDate: (r.startDate as string | undefined) ?? null,
        endDate: (r.endDate as string | undefined) ?? null,
        parentId: null,
        agreementId: null,
        units: list(r.units).flatMap((u) => (units.has(u.unit!) ? [{ unitId: units.get(u.unit!)!, role: u.role as ParticipantRole }] : [])),
        people: list(r.people).flatMap((p) => (people.has(p.person!) ? [{ personId: people.get(p.person!)!, role: p.role as PersonRole }] : [])),
        topicIds: [],
      })),
    );
    created.forEach(({ row }, i) => (row.possibleDuplicates = found[i]!.slice(0, MAX_POSSIBLE_DUPLICATES)));
  }

  /**
   * Each row's key: its key cell, else the existing record its numbers (or e-mail) or name find, else a new key.
   * A second row for one record is refused, naming the row before it and the column that found the record.
   */
  private identify(type: TableType, table: Table, uses: ColumnUse[], own: RecordIndex, problem: (p: RowProblem) => void) {
    const keyColumn = uses.find((u) => u.spec?.field === 'key');
    const nameColumn = uses.find((u) => u.spec?.required);
    const numberColumns = uses.filter((u) => u.spec?.kind === 'identifier' || u.spec?.field === 'email');
    const out: { row: number; cells: Cell[]; key: string; mergedFrom: string | null }[] = [];
    const rowOf = new Map<string, number>();
    const take = (row: number, cells: Cell[], key: string, by: ColumnUse, mergedFrom: string | null = null) => {
      const first = rowOf.get(key);
      if (first !== undefined) problem({ row, column: by.header, field: by.spec!.field, message: `also used by row ${first}: a file holds each record once` });
      else {
        rowOf.set(key, row);
        out.push({ row, cells, key, mergedFrom });
      }
    };
    for (const { row, cells } of table.rows) {
      const given = keyColumn ? cellText(cells[keyColumn.index] ?? null) : null;
      const name = nameColumn ? cellText(cells[nameColumn.index] ?? null) : null;
      if (given) {
        const known = own.keyOf(given);
        // A new record: later rows (and references in any row) find it by its key and name.
        if (known === undefined) own.add({ key: given, names: name ? [name] : [], numbers: [] });
        take(row, cells, known ?? given, keyColumn!, known !== undefined && known !== given ? given : null);
        continue;
      }
      if (!name) {
        const column = nameColumn ?? keyColumn;
        problem({ row, column: column?.header ?? null, field: column?.spec?.field ?? 'key', message: 'the row has neither a key nor a name' });
        continue;
      }
      const numbered = numberColumns.flatMap((use) => {
        const text = cellText(cells[use.index] ?? null);
        return text ? [{ use, text, found: own.find(text) }] : [];
      });
      // Numbers that agree name one record; numbers that name different ones say which is which.
      const byNumber = [...new Map(numbered.flatMap((n) => n.found).map((r) => [r.key, r])).values()];
      if (byNumber.length > 1) {
        const against = numbered.find((n) => n.found.some((r) => r.key !== byNumber[0]!.key))!;
        const said = numbered.filter((n) => n.found.length).map((n) => `${n.use.header} "${n.text}" is ${n.found.map((r) => r.key).join(' or ')}`);
        problem({ row, column: against.use.header, field: against.use.spec!.field, message: `${said.join(', ')}: the numbers name different ${type}; correct them or add a key column` });
        continue;
      }
      if (byNumber.length) {
        take(row, cells, byNumber[0]!.key, numbered.find((n) => n.found.length)!.use);
        continue;
      }
      const found = own.find(name);
      if (found.length > 1) {
        problem({ row, column: nameColumn!.header, field: nameColumn!.spec!.field, message: `"${name}" names ${found.length} ${type} (${found.map((r) => r.key).slice(0, 5).join(', ')}): add a key column` });
        continue;
      }
      const key = found[0]?.key ?? keyFrom(name, own.taken, NOUN[type]);
      // Later rows (and references in them) find this row by its name and new key.
      if (!found.length) own.add({ key, names: [name], numbers: [] });
      take(row, cells, key, nameColumn!);
    }
    return out;
  }

  private cellValue(spec: FieldSpec, cell: Cell, indexes: Record<ReferenceTarget, RecordIndex>, before: SnapshotRecord | undefined): unknown {
    const text = () => cellText(cell);
    switch (spec.kind) {
      case 'text': {
        // Spaces at a cell's ends are not read (people paste them in unseen), but they do not change a text that
        // has them either: an exported cell reads back as the text it came from.
        const stored = fieldValue(before, spec.field);
        return typeof stored === 'string' && stored.trim() === text() ? stored : text();
      }
      case 'textList':
        return cellList(cell);
      case 'date':
        return cellDate(cell, spec.end);
      case 'enum':
        return text() === null ? null : enumValue(spec.enumName, text()!);
      case 'enumList':
        return cellList(cell).map((item) => enumValue(spec.enumName, item));
      case 'reference':
        return text() === null ? null : indexes[spec.target].resolve(text()!);
      case 'referenceList':
        return cellList(cell).map((item) => indexes[spec.target].resolve(item));
      case 'identifier': {
        const value = text()!.replace(/\s/g, '');
        return /^\d+$/.test(value) && value.length < spec.digits ? value.padStart(spec.digits, '0') : value;
      }
      case 'roleList': {
        const earlier = (before?.[spec.field] as Record<string, unknown>[] | undefined) ?? [];
        return cellItems(cell).map((item) => {
          const { key, role } = this.participant(spec, item, indexes[spec.target]);
          // A person's affiliation keeps the period it already has: a table names only unit and role.
          const kept = earlier.find((e) => e[spec.item] === key && (e.role ?? null) === role);
          return { ...kept, [spec.item]: key, ...(role !== null ? { role } : {}) };
        });
      }
    }
  }

  /**
   * `key`, `name`, or `key:ROLE`. Keys, names and free-text roles may all hold colons, so the role follows the
   * rightmost colon after a key (as an export writes it), else the whole item is a name, else the role follows the
   * rightmost colon after a name. The role is trimmed unless the item is quoted (an export quotes a free-text role
   * with spaces at its ends, or an empty one); an empty enum role is the default.
   */
  private participant(spec: Extract<FieldSpec, { kind: 'roleList' }>, item: ListItem, index: RecordIndex): { key: string; role: string | null } {
    const text = item.text;
    const colons = [...text.matchAll(/:/g)].map((m) => m.index).reverse();
    if (index.keyOf(text.trim()) !== undefined || !colons.length) return { key: index.resolve(text.trim()), role: spec.defaultRole };
    const before = (at: number) => text.slice(0, at).trim();
    let colon = colons.find((at) => index.keyOf(before(at)) !== undefined);
    if (colon === undefined) {
      if (index.find(text.trim()).length === 1) return { key: index.resolve(text.trim()), role: spec.defaultRole };
      colon = colons.find((at) => index.find(before(at)).length === 1) ?? colons[0]!;
    }
    const role = item.quoted ? text.slice(colon + 1) : text.slice(colon + 1).trim();
    const key = index.resolve(before(colon));
    if (spec.roleEnum) return { key, role: role.trim() === '' ? spec.defaultRole : enumValue(spec.roleEnum, role) };
    return { key, role: item.quoted ? role : role || spec.defaultRole };
  }

  /**
   * A snapshot importer's problem (`collaborations[3] (key).units[0].unit`) as the row and column it came from. A
   * field left empty is "required"; a field no column fills is named in the message, with the headers that would.
   */
  private rowProblem(p: FieldProblem, type: TableType, records: { row: number; record: SnapshotRecord }[], uses: ColumnUse[]): RowProblem {
    const m = /^(\w+)\[(\d+)\](?: \([^)]*\))?(?:\.(.*))?$/.exec(p.field ?? '');
    if (!m || m[1] !== type) return { row: null, column: null, field: p.field, message: p.message };
    const field = m[3] ?? null;
    const top = field?.split(/[.[]/)[0] ?? null;
    const fills = (spec: FieldSpec) => spec.field === field || spec.field === top || spec.field.split('.')[0] === top;
    const column = uses.find((u) => u.spec && fills(u.spec));
    const record = records[Number(m[2])];
    const absent = p.code === 'REQUIRED' && field !== null && !field.includes('[') && fieldValue(record?.record, field) === undefined;
    let message = p.message;
    if (field !== null && !column) {
      const spec = FIELDS[type].find(fills);
      const headers = spec ? [spec.field, ...spec.headers.slice(0, 2)].map((h) => `"${h}"`).join(', ') : null;
      message = `${field} ${absent ? 'is required' : p.message}, and the file has no column for it${headers ? `: add one (${headers}…) or map a column to ${spec!.field}` : ''}`;
    } else if (absent) message = 'is required: the cell is empty';
    return { row: record?.row ?? null, column: column?.header ?? null, field, message };
  }

  private async loadIndexes(): Promise<Record<ReferenceTarget, RecordIndex>> {
    const out = {} as Record<ReferenceTarget, RecordIndex>;
    for (const [target, { cls, table, names, numbers }] of Object.entries(KNOWN_BY) as [ReferenceTarget, (typeof KNOWN_BY)[ReferenceTarget]][]) {
      const index = new RecordIndex(target);
      const rows = await rawQuery<Record<string, string | null>>(this.ds.manager, `SELECT id, key, deleted_at, ${[...names, ...numbers].join(', ')} FROM "${table}"`);
      const live = new Map<number, KnownRecord>();
      const deleted: string[] = [];
      for (const row of rows) {
        if (row.deleted_at) {
          index.taken.add(row.key!);
          deleted.push(row.key!);
          continue;
        }
        const present = (columns: string[]) => columns.map((c) => row[c]).filter((v): v is string => !!v);
        const record = { key: row.key!, names: present(names), numbers: present(numbers) };
        index.add(record);
        live.set(Number(row.id), record);
      }
      // Keys of merged records lead to the record they went into, in a table as everywhere in the API.
      for (const [key, id] of await resolveRefs(this.ds.manager, cls, deleted)) index.alias(key, live.get(id)!);
      out[target] = index;
    }
    return out;
  }

  private async idsOf(type: TableType, keys: string[]): Promise<Map<string, number>> {
    const wanted = new Set(keys);
    const rows = await rawQuery<{ id: number; key: string }>(this.ds.manager, `SELECT id, key FROM "${KNOWN_BY[type].table}" WHERE deleted_at IS NULL`);
    return new Map(rows.filter((r) => wanted.has(r.key)).map((r) => [r.key, Number(r.id)]));
  }
}
