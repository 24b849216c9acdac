import { DataSource, EntityManager } from 'typeorm';
import { CompactRegistry } from './analysis.compact';
import { loadTopics, loadUnits } from './analysis.data';
import { collaborationRow } from './analysis.maintainer';
import { isPostgres, rawQuery, withoutStatementTimeout } from '../../db/sql';
import {
  CollaborationRow,
  createGenerationTables,
  generationIndexes,
  GroundRow,
  insertCollaborationRows,
  insertGroundRows,
  insertPairRows,
  PairRow,
  saveModel,
  tablesOf,
} from './analysis.store';
import { OverlapEngine, Subjects } from './overlap-engine';
import { Corpus, documentFeatures, SubjectModel } from './subject-model';

/** A rebuild's phases in order: read the registry, train, write rows (and pairs as they are found), all pairs found, done. */
export interface BuildProgress {
  phase: 'read' | 'train' | 'write' | 'pair' | 'done';
  done: number;
  total: number;
}

export interface BuiltGeneration {
  model: SubjectModel;
  collaborations: number;
  pairs: number;
  comparisons: number;
}

/** Rows written per transaction by default: short enough that a write waiting behind one barely notices. */
const BATCH_ROWS = 5000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Fresh statistics, so the planner picks the indexes the report queries are written for. */
async function analyseTables(em: EntityManager, generation: number): Promise<void> {
  const tables = Object.values(tablesOf(generation));
  if (isPostgres(em)) {
    await rawQuery(em, `ANALYZE ${tables.join(', ')}`);
    return;
  }
  // A sample is enough for the choices these queries face, and keeps ANALYZE quick on millions of rows.
  await rawQuery(em, 'PRAGMA analysis_limit = 1000');
  for (const table of tables) await rawQuery(em, `ANALYZE ${table}`);
}

/**
 * Writes a complete analysis of the registry as `generation`, beside the one readers use, in bounded memory: the
 * registry is read in chunks into flat arrays (texts are turned into the subject model's word counts and dropped),
 * the model is trained (or the one given classifies), and rows and pairs are written in batches as they are made,
 * each batch its own short transaction, so requests go on meanwhile. Changes committed while it runs are logged by
 * the write hook and applied by the caller before this generation becomes current.
 */
export async function buildGeneration(
  ds: DataSource,
  generation: number,
  options: { model?: SubjectModel; alive: () => Promise<void>; progress?: (p: BuildProgress) => void | Promise<void>; batchRows?: number },
): Promise<BuiltGeneration> {
  const progress = options.progress ?? (() => undefined);
  const batch = options.batchRows ?? BATCH_ROWS;
  await ds.transaction((em) => createGenerationTables(em, generation));
  const units = await loadUnits(ds.manager);
  const topics = await loadTopics(ds.manager);
  const corpus = new Corpus();
  const given = options.model;
  const givenBest: number[] = [];
  const givenConfidence: number[] = [];
  const registry = await CompactRegistry.read(ds, units, (c) => {
    const features = documentFeatures(c);
    if (!given) return corpus.add(features, c.topicIds);
    const subject = given.classifyFeatures(features, c.topicIds);
    givenBest.push(subject ? given.subjects.indexOf(subject.topicId) : -1);
    givenConfidence.push(subject?.confidence ?? 0);
  });
  const ids = registry.allIds();
  await progress({ phase: 'read', done: ids.length, total: ids.length });
  await yieldToEventLoop();

  const { model, best, confidence } = given
    ? { model: given, best: Int32Array.from(givenBest), confidence: Float64Array.from(givenConfidence) }
    : await SubjectModel.train([...topics.values()], corpus);
  const subjects: Subjects = {
    topic: (id) => {
      const s = best[registry.slot(id)]!;
      return s >= 0 ? model.subjects[s]! : -1;
    },
    confidence: (id) => confidence[registry.slot(id)]!,
  };
  await progress({ phase: 'train', done: ids.length, total: ids.length });
  await yieldToEventLoop();

  let written = 0;
  const flush = async <R>(rows: R[], insert: (em: EntityManager, rows: R[]) => Promise<void>) => {
    if (!rows.length) return;
    await ds.transaction((em) => insert(em, rows));
    written += rows.length;
    await progress({ phase: 'write', done: written, total: written });
    await options.alive();
    await yieldToEventLoop();
  };
  const engine = new OverlapEngine(registry, units, topics, model, subjects);
  let rows: CollaborationRow[] = [];
  let ground: GroundRow[] = [];
  for (const id of ids) {
    const topicId = subjects.topic(id);
    rows.push(collaborationRow(registry, units, id, topicId >= 0 ? { topicId, confidence: subjects.confidence(id) } : null));
    if (engine.indexable(id) !== null) for (const g of engine.groundOf(id)) ground.push({ ...g, topicId, collaborationId: id });
    if (rows.length >= batch) {
      await flush(rows, (em, r) => insertCollaborationRows(em, generation, r));
      rows = [];
    }
    if (ground.length >= batch) {
      await flush(ground, (em, r) => insertGroundRows(em, generation, r));
      ground = [];
    }
  }
  await flush(rows, (em, r) => insertCollaborationRows(em, generation, r));
  await flush(ground, (em, r) => insertGroundRows(em, generation, r));

  let pairs: PairRow[] = [];
  let found = 0;
  for (const pair of engine.pairs(ids)) {
    pairs.push({ pair, aKey: registry.key(pair.a), bKey: registry.key(pair.b) });
    found += 1;
    if (pairs.length >= batch) {
      await flush(pairs, (em, r) => insertPairRows(em, generation, r));
      pairs = [];
    }
  }
  await flush(pairs, (em, r) => insertPairRows(em, generation, r));
  await progress({ phase: 'pair', done: found, total: found });
  // Indexes made over full tables (a sort each) cost far less than kept up row by row; one at a time, so a write
  // waiting meanwhile waits for one index at most.
  for (const index of generationIndexes(generation)) {
    await ds.transaction(async (em) => {
      await withoutStatementTimeout(em);
      await rawQuery(em, index);
    });
    await options.alive();
    await yieldToEventLoop();
  }
  await ds.transaction(async (em) => {
    await withoutStatementTimeout(em);
    await analyseTables(em, generation);
  });
  await ds.transaction((em) => saveModel(em, generation, model));
  await progress({ phase: 'done', done: written, total: written });
  return { model, collaborations: ids.length, pairs: found, comparisons: engine.comparisons };
}
