import { EntityManager } from 'typeorm';
import { idList, inIdList, insertMany, isPostgres, rawQuery, rawRows } from '../../db/sql';
import { Sector } from '../units/unit.enums';
import { dateText } from './analysis.data';
import { GapBasis } from './gaps';
import { GroundUnit, OverlapPair } from './overlap-engine';
import { SubjectModel, SubjectResult } from './subject-model';

/**
 * The analysis tables: reads and writes by SQL, the same on SQLite and PostgreSQL. The state, models and change log
 * are made by a migration (src/db/migrations/analysis-tables.ts); the results are tables of their own per
 * generation (made here, by the rebuild that fills them), and `analysis_state.generation` names the ones readers use.
 */

/** The tables of one generation of results. */
export function tablesOf(generation: number): { collaborations: string; ground: string; pairs: string } {
  return { collaborations: `analysis_collaboration_${generation}`, ground: `analysis_ground_${generation}`, pairs: `overlap_pair_${generation}` };
}

/** A generation's tables, empty and without indexes: a rebuild fills them first and indexes them after (far faster). */
export async function createGenerationTables(em: EntityManager, generation: number): Promise<void> {
  const t = tablesOf(generation);
  const real = isPostgres(em) ? 'double precision' : 'real';
  // Pair order compares keys byte by byte on both databases, whatever the PostgreSQL locale.
  const binary = isPostgres(em) ? ' COLLATE "C"' : '';
  // As the registry stores dates: compared with an agreement's on PostgreSQL, as text on SQLite.
  const day = isPostgres(em) ? 'date' : 'varchar(10)';
  await rawQuery(
    em,
    `CREATE TABLE ${t.collaborations} (collaboration_id integer NOT NULL, key text${binary} NOT NULL, end_date ${day}, topic_id integer,
     confidence ${real}, parent_id integer, gap_eligible integer NOT NULL, agreement_id integer, missing_sector varchar(20), no_contact integer NOT NULL)`,
  );
  await rawQuery(em, `CREATE TABLE ${t.ground} (topic_id integer NOT NULL, unit_id integer NOT NULL, collaboration_id integer NOT NULL, own integer NOT NULL)`);
  await rawQuery(
    em,
    `CREATE TABLE ${t.pairs} (a_id integer NOT NULL, b_id integer NOT NULL, topic_id integer NOT NULL, score ${real} NOT NULL, rank text${binary} NOT NULL,
     shared_unit_ids text NOT NULL, shared_topic_ids text NOT NULL, period_start varchar(10), period_end varchar(10))`,
  );
}

/** The indexes the report queries and incremental maintenance use, one statement (and transaction) each. */
export function generationIndexes(generation: number): string[] {
  const t = tablesOf(generation);
  return [
    `CREATE UNIQUE INDEX ${t.collaborations}_id ON ${t.collaborations} (collaboration_id)`,
    `CREATE INDEX ${t.collaborations}_topic ON ${t.collaborations} (topic_id)`,
    `CREATE INDEX ${t.collaborations}_agreement ON ${t.collaborations} (agreement_id)`,
    `CREATE INDEX ${t.collaborations}_gaps ON ${t.collaborations} (gap_eligible, key)`,
    `CREATE UNIQUE INDEX ${t.ground}_key ON ${t.ground} (topic_id, unit_id, collaboration_id)`,
    `CREATE INDEX ${t.ground}_collaboration ON ${t.ground} (collaboration_id)`,
    `CREATE UNIQUE INDEX ${t.pairs}_ab ON ${t.pairs} (a_id, b_id)`,
    `CREATE INDEX ${t.pairs}_b ON ${t.pairs} (b_id)`,
    `CREATE INDEX ${t.pairs}_rank ON ${t.pairs} (rank)`,
    `CREATE INDEX ${t.pairs}_score ON ${t.pairs} (score)`,
  ];
}

export async function dropGenerationTables(em: EntityManager, generation: number): Promise<void> {
  for (const table of Object.values(tablesOf(generation))) await rawQuery(em, `DROP TABLE IF EXISTS ${table}`);
  await rawQuery(em, 'DELETE FROM analysis_model WHERE generation = $1', [generation]);
}

/** The generations whose tables exist (the current one, one being built, and any a crash or restore left). */
export async function generationsPresent(em: EntityManager): Promise<number[]> {
  const rows = isPostgres(em)
    ? await rawQuery<{ name: string }>(em, `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'overlap_pair_%'`)
    : await rawQuery<{ name: string }>(em, `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'overlap_pair_%'`);
  return rows.map((r) => /^overlap_pair_(\d+)$/.exec(r.name)?.[1]).filter((g): g is string => g !== undefined).map(Number);
}

export interface AnalysisState {
  /** The complete analysis readers use; 0 before the first build. */
  generation: number;
  /** Goes up with every change of the analysis (a write applied, a rebuild made current). */
  revision: number;
  builtAt: Date | null;
  buildMs: number | null;
  collaborations: number;
  pairs: number;
  rebuildRequested: boolean;
  /** The generation a rebuild is writing, while one runs. */
  rebuildingGeneration: number | null;
  /** When the running rebuild last showed it is alive (it writes this between batches). */
  rebuildHeartbeat: Date | null;
}

const date = (value: unknown): Date | null => (value === null || value === undefined ? null : value instanceof Date ? value : new Date(`${String(value).replace(' ', 'T')}Z`));

/** The state; `lock` (PostgreSQL) holds its row until the transaction ends, so analysis writers take turns. */
export async function readState(em: EntityManager, options: { lock?: boolean } = {}): Promise<AnalysisState> {
  const [row] = await rawQuery<Record<string, unknown>>(
    em,
    `SELECT generation, revision, built_at, build_ms, collaborations, pairs, rebuild_requested, rebuilding_generation, rebuild_heartbeat
     FROM analysis_state WHERE id = 1${options.lock && isPostgres(em) ? ' FOR UPDATE' : ''}`,
  );
  return {
    generation: Number(row!.generation),
    revision: Number(row!.revision),
    builtAt: date(row!.built_at),
    buildMs: row!.build_ms === null ? null : Number(row!.build_ms),
    collaborations: Number(row!.collaborations),
    pairs: Number(row!.pairs),
    rebuildRequested: Number(row!.rebuild_requested) === 1,
    rebuildingGeneration: row!.rebuilding_generation === null ? null : Number(row!.rebuilding_generation),
    rebuildHeartbeat: date(row!.rebuild_heartbeat),
  };
}

const STATE_COLUMNS: Record<keyof AnalysisState, string> = {
  generation: 'generation',
  revision: 'revision',
  builtAt: 'built_at',
  buildMs: 'build_ms',
  collaborations: 'collaborations',
  pairs: 'pairs',
  rebuildRequested: 'rebuild_requested',
  rebuildingGeneration: 'rebuilding_generation',
  rebuildHeartbeat: 'rebuild_heartbeat',
};

/** Sets fields of the state; numbers in `add` are added to the stored counts. */
export async function updateState(em: EntityManager, set: Partial<AnalysisState>, add: Partial<Record<'revision' | 'collaborations' | 'pairs', number>> = {}): Promise<void> {
  const assignments: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(set) as [keyof AnalysisState, unknown][]) {
    params.push(typeof value === 'boolean' ? Number(value) : value instanceof Date ? (isPostgres(em) ? value : value.toISOString().replace('T', ' ').replace('Z', '')) : value);
    assignments.push(`${STATE_COLUMNS[field]} = $${params.length}`);
  }
  for (const [field, value] of Object.entries(add)) {
    params.push(value);
    assignments.push(`${STATE_COLUMNS[field as keyof AnalysisState]} = ${STATE_COLUMNS[field as keyof AnalysisState]} + $${params.length}`);
  }
  if (assignments.length) await rawQuery(em, `UPDATE analysis_state SET ${assignments.join(', ')} WHERE id = 1`, params);
}

export async function saveModel(em: EntityManager, generation: number, model: SubjectModel): Promise<void> {
  await rawQuery(em, 'DELETE FROM analysis_model WHERE generation = $1', [generation]);
  await rawQuery(em, 'INSERT INTO analysis_model (generation, model) VALUES ($1, $2)', [generation, model.toJson()]);
}

/**
 * The FEATURES_VERSION a generation's model was trained under, read from the head of its stored text (toJson
 * writes it first) rather than by loading the model, which can be tens of megabytes: every server asks at its
 * start. 1 for a model stored before versions were, null when there is no model.
 */
export async function storedFeaturesVersion(em: EntityManager, generation: number): Promise<number | null> {
  const [row] = await rawQuery<{ head: string }>(em, 'SELECT substr(model, 1, 40) AS head FROM analysis_model WHERE generation = $1', [generation]);
  return row ? Number(/^\{"features":(\d+)/.exec(row.head)?.[1] ?? 1) : null;
}

export async function loadModel(em: EntityManager, generation: number): Promise<SubjectModel | null> {
  const [row] = await rawQuery<{ model: string }>(em, 'SELECT model FROM analysis_model WHERE generation = $1', [generation]);
  return row ? SubjectModel.fromJson(row.model) : null;
}

/** What the analysis holds of one collaboration: its subject and what its gaps depend on. */
export interface CollaborationRow {
  collaborationId: number;
  /** Its key and end, for the gap report (ordered by key) without a join. */
  key: string;
  endDate: string | null;
  subject: SubjectResult | null;
  parentId: number | null;
  basis: GapBasis;
}

export interface GroundRow extends GroundUnit {
  topicId: number;
  collaborationId: number;
}

export interface PairRow {
  pair: OverlapPair;
  aKey: string;
  bKey: string;
}

/**
 * The order of reports, as one text: strongest first, then by the two keys. Scores have three decimals, and a
 * space sorts before every character a key may hold, so comparing the texts compares (score, key a, key b).
 */
export const rankOf = (score: number, aKey: string, bKey: string): string => `${String(1000 - Math.round(score * 1000)).padStart(4, '0')} ${aKey} ${bKey}`;

const int = (name: string) => ({ name, type: 'int' as const });

export function insertCollaborationRows(em: EntityManager, generation: number, rows: CollaborationRow[]): Promise<void> {
  return insertMany(
    em,
    tablesOf(generation).collaborations,
    [
      int('collaboration_id'),
      { name: 'key', type: 'text' },
      { name: 'end_date', type: 'date' },
      int('topic_id'),
      { name: 'confidence', type: 'float8' },
      int('parent_id'),
      int('gap_eligible'),
      int('agreement_id'),
      { name: 'missing_sector', type: 'text' },
      int('no_contact'),
    ],
    rows.map((r) => [
      r.collaborationId,
      r.key,
      r.endDate,
      r.subject?.topicId ?? null,
      r.subject?.confidence ?? null,
      r.parentId,
      Number(r.basis.eligible),
      r.basis.agreementId,
      r.basis.missingSector,
      Number(r.basis.noContact),
    ]),
  );
}

export function insertGroundRows(em: EntityManager, generation: number, rows: GroundRow[]): Promise<void> {
  return insertMany(
    em,
    tablesOf(generation).ground,
    [int('topic_id'), int('unit_id'), int('collaboration_id'), int('own')],
    rows.map((r) => [r.topicId, r.unitId, r.collaborationId, Number(r.own)]),
  );
}

export function insertPairRows(em: EntityManager, generation: number, rows: PairRow[]): Promise<void> {
  const text = (name: string) => ({ name, type: 'text' as const });
  return insertMany(
    em,
    tablesOf(generation).pairs,
    [int('a_id'), int('b_id'), int('topic_id'), { name: 'score', type: 'float8' }, text('rank'), text('shared_unit_ids'), text('shared_topic_ids'), text('period_start'), text('period_end')],
    rows.map(({ pair: p, aKey, bKey }) => [
      p.a,
      p.b,
      p.topicId,
      p.score,
      rankOf(p.score, aKey, bKey),
      JSON.stringify(p.sharedUnitIds),
      JSON.stringify(p.sharedTopicIds),
      p.periodStart,
      p.periodEnd,
    ]),
  );
}

const count = (rows: { n: unknown }[]) => Number(rows[0]?.n ?? 0);

/** Deletes everything the analysis holds of these collaborations; returns how many pairs and collaboration rows went. */
export async function deleteRowsOf(em: EntityManager, generation: number, ids: number[]): Promise<{ pairs: number; collaborations: number }> {
  if (!ids.length) return { pairs: 0, collaborations: 0 };
  const t = tablesOf(generation);
  const list = idList(em, ids);
  const touching = `${inIdList(em, 'a_id', 1)} OR ${inIdList(em, 'b_id', 1)}`;
  const pairs = count(await rawQuery<{ n: unknown }>(em, `SELECT COUNT(*) AS n FROM ${t.pairs} WHERE ${touching}`, [list]));
  const collaborations = count(await rawQuery<{ n: unknown }>(em, `SELECT COUNT(*) AS n FROM ${t.collaborations} WHERE ${inIdList(em, 'collaboration_id', 1)}`, [list]));
  await rawQuery(em, `DELETE FROM ${t.pairs} WHERE ${touching}`, [list]);
  await rawQuery(em, `DELETE FROM ${t.ground} WHERE ${inIdList(em, 'collaboration_id', 1)}`, [list]);
  await rawQuery(em, `DELETE FROM ${t.collaborations} WHERE ${inIdList(em, 'collaboration_id', 1)}`, [list]);
  return { pairs, collaborations };
}

function toCollaborationRow(r: Record<string, unknown>): CollaborationRow {
  return {
    collaborationId: Number(r.collaboration_id),
    key: String(r.key),
    endDate: dateText(r.end_date),
    subject: r.topic_id === null ? null : { topicId: Number(r.topic_id), confidence: Number(r.confidence) },
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    basis: {
      eligible: Number(r.gap_eligible) === 1,
      agreementId: r.agreement_id === null ? null : Number(r.agreement_id),
      missingSector: (r.missing_sector as Sector.MUNICIPAL | Sector.ACADEMIC | null) ?? null,
      noContact: Number(r.no_contact) === 1,
    },
  };
}

/** The subjects of these collaborations in a generation (those with one). */
export async function readSubjects(em: EntityManager, generation: number, ids: Iterable<number>): Promise<Map<number, SubjectResult>> {
  const rows = await rawRows(em, `SELECT collaboration_id, topic_id, confidence FROM ${tablesOf(generation).collaborations} WHERE ${inIdList(em, 'collaboration_id', 1)} AND topic_id IS NOT NULL`, [
    idList(em, ids),
  ]);
  return new Map(rows.map(([id, topic, confidence]) => [Number(id), { topicId: Number(topic), confidence: Number(confidence) }]));
}

export async function readCollaborationRows(em: EntityManager, generation: number, ids: Iterable<number>): Promise<Map<number, CollaborationRow>> {
  const rows = await rawQuery<Record<string, unknown>>(em, `SELECT * FROM ${tablesOf(generation).collaborations} WHERE ${inIdList(em, 'collaboration_id', 1)}`, [idList(em, ids)]);
  return new Map(rows.map((r) => [Number(r.collaboration_id), toCollaborationRow(r)]));
}

/**
 * For each given collaboration, those on the same subject whose municipal ground is, contains or lies inside its
 * own: one sharing a unit of the ground index where either names that unit itself (README "Candidate generation").
 */
export async function groundCandidates(em: EntityManager, generation: number, ids: Iterable<number>): Promise<Map<number, number[]>> {
  const ground = tablesOf(generation).ground;
  const rows = await rawRows(
    em,
    `SELECT DISTINCT g1.collaboration_id, g2.collaboration_id FROM ${ground} g1
     JOIN ${ground} g2 ON g2.topic_id = g1.topic_id AND g2.unit_id = g1.unit_id AND (g1.own = 1 OR g2.own = 1)
     WHERE ${inIdList(em, 'g1.collaboration_id', 1)} AND g2.collaboration_id <> g1.collaboration_id`,
    [idList(em, ids)],
  );
  const out = new Map<number, number[]>();
  for (const [c, x] of rows) {
    const list = out.get(Number(c));
    if (list) list.push(Number(x));
    else out.set(Number(c), [Number(x)]);
  }
  return out;
}

export function toPair(r: Record<string, unknown>): OverlapPair {
  return {
    a: Number(r.a_id),
    b: Number(r.b_id),
    topicId: Number(r.topic_id),
    score: Number(r.score),
    sharedUnitIds: JSON.parse(String(r.shared_unit_ids)) as number[],
    sharedTopicIds: JSON.parse(String(r.shared_topic_ids)) as number[],
    periodStart: (r.period_start as string | null) ?? null,
    periodEnd: (r.period_end as string | null) ?? null,
  };
}

export const PAIR_COLUMNS = 'p.a_id, p.b_id, p.topic_id, p.score, p.rank, p.shared_unit_ids, p.shared_topic_ids, p.period_start, p.period_end';

/** Logs a change made while a rebuild runs, for the rebuild to apply before its analysis becomes current. */
export async function logChange(em: EntityManager, kind: 'collaboration' | 'unit', id: number): Promise<void> {
  await rawQuery(em, 'INSERT INTO analysis_change (kind, target_id) VALUES ($1, $2)', [kind, id]);
}

export async function loggedChanges(em: EntityManager): Promise<{ collaborations: number[]; units: number[] }> {
  const rows = await rawQuery<{ kind: string; target_id: unknown }>(em, 'SELECT kind, target_id FROM analysis_change ORDER BY id');
  return {
    collaborations: rows.filter((r) => r.kind === 'collaboration').map((r) => Number(r.target_id)),
    units: rows.filter((r) => r.kind === 'unit').map((r) => Number(r.target_id)),
  };
}

export async function clearLog(em: EntityManager): Promise<void> {
  await rawQuery(em, 'DELETE FROM analysis_change');
}
