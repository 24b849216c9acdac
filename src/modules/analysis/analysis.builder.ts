import { DataSource } from 'typeorm';
import { loadAnalysisData, subjectDocument } from './analysis.data';
import { collaborationRow } from './analysis.maintainer';
import { CollaborationRow, GroundRow, insertCollaborationRows, insertGroundRows, insertPairRows, PairRow, saveModel } from './analysis.store';
import { OverlapEngine } from './overlap-engine';
import { SubjectModel, SubjectResult } from './subject-model';

export interface BuildProgress {
  phase: 'read' | 'train' | 'pair' | 'write' | 'done';
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

/**
 * Writes a complete analysis of the registry as `generation`, beside the one readers use: reads the registry,
 * trains the subject model (or classifies with the one given), pairs, and writes the rows in batches, each its
 * own short transaction, so requests go on meanwhile. Changes committed while it runs are logged by the write
 * hook and applied by the caller before this generation becomes current.
 */
export async function buildGeneration(
  ds: DataSource,
  generation: number,
  options: { model?: SubjectModel; alive: () => Promise<void>; progress?: (p: BuildProgress) => void | Promise<void>; batchRows?: number },
): Promise<BuiltGeneration> {
  const progress = options.progress ?? (() => undefined);
  const data = await ds.transaction((em) => loadAnalysisData(em));
  const collaborations = [...data.collaborations.values()];
  await progress({ phase: 'read', done: collaborations.length, total: collaborations.length });
  await yieldToEventLoop();
  const documents = collaborations.map((c) => subjectDocument(data, c));
  let model: SubjectModel;
  let subjects: Map<number, SubjectResult>;
  if (options.model) {
    model = options.model;
    subjects = new Map();
    for (const doc of documents) {
      const subject = model.classify(doc);
      if (subject) subjects.set(doc.id, subject);
    }
  } else {
    ({ model, results: subjects } = SubjectModel.train([...data.topics.values()], documents));
  }
  await progress({ phase: 'train', done: collaborations.length, total: collaborations.length });
  await yieldToEventLoop();

  const engine = new OverlapEngine(data, model, subjects);
  const rows: CollaborationRow[] = collaborations.map((c) => collaborationRow(data, c, subjects.get(c.id) ?? null));
  const ground: GroundRow[] = [];
  for (const c of collaborations) {
    const topicId = engine.indexable(c);
    if (topicId !== null) for (const g of engine.groundOf(c)) ground.push({ ...g, topicId, collaborationId: c.id });
  }
  const pairs: PairRow[] = [];
  engine.build((pair) => pairs.push({ pair, aKey: data.collaborations.get(pair.a)!.key, bKey: data.collaborations.get(pair.b)!.key }));
  await progress({ phase: 'pair', done: pairs.length, total: pairs.length });
  await yieldToEventLoop();

  const total = rows.length + ground.length + pairs.length;
  let done = 0;
  const write = async <R>(list: R[], insert: (em: import('typeorm').EntityManager, chunk: R[]) => Promise<void>) => {
    const batch = options.batchRows ?? BATCH_ROWS;
    for (let i = 0; i < list.length; i += batch) {
      const chunk = list.slice(i, i + batch);
      await ds.transaction((em) => insert(em, chunk));
      done += chunk.length;
      await progress({ phase: 'write', done, total });
      await options.alive();
      await yieldToEventLoop();
    }
  };
  await write(rows, (em, chunk) => insertCollaborationRows(em, generation, chunk));
  await write(ground, (em, chunk) => insertGroundRows(em, generation, chunk));
  await write(pairs, (em, chunk) => insertPairRows(em, generation, chunk));
  await ds.transaction((em) => saveModel(em, generation, model));
  await progress({ phase: 'done', done: total, total });
  return { model, collaborations: rows.length, pairs: pairs.length, comparisons: engine.comparisons };
}
