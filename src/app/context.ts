import { DataSource } from 'typeorm';
import { ChangeFeed } from '../db/change-feed';
import { checkWorkBudget } from '../db/work-budget';
import { StatementStats } from '../observability/request-trace';
import { onWrite } from '../db/write-hooks';
import { Logger } from '../observability/logger';
import { Language } from '../http/language';
import { AnalysisService } from '../modules/analysis/analysis.service';
import { AccessPolicy } from '../modules/auth/access-policy';
import { AuthService } from '../modules/auth/auth.service';
import { RecordsService } from '../modules/lifecycle/lifecycle.service';
import { Agreement } from '../modules/agreements/agreement.entity';
import { agreementLoaders } from '../modules/agreements/agreement.loaders';
import { AgreementService } from '../modules/agreements/agreement.service';
import { Collaboration } from '../modules/collaborations/collaboration.entity';
import { collaborationLoaders } from '../modules/collaborations/collaboration.loaders';
import { CollaborationService } from '../modules/collaborations/collaboration.service';
import { Person } from '../modules/people/person.entity';
import { personLoaders } from '../modules/people/person.loaders';
import { PersonService } from '../modules/people/person.service';
import { DuplicatesService } from '../modules/duplicates/duplicates.service';
import { RegistryCopy } from '../modules/duplicates/registry-copy';
import { TableImportService } from '../modules/spreadsheets/table-import';
import { SnapshotService } from '../modules/snapshot/snapshot.service';
import { Topic } from '../modules/topics/topic.entity';
import { topicLoaders } from '../modules/topics/topic.loaders';
import { TopicService } from '../modules/topics/topic.service';
import { Unit } from '../modules/units/unit.entity';
import { unitLoaders } from '../modules/units/unit.loaders';
import { UnitService } from '../modules/units/unit.service';
import { recordLoader } from '../graphql/loader-helpers';
import { PlannedContext, ReadPlan } from '../graphql/read-plan';

/**
 * One set of services per server or command (they hold no request state). Whatever writes through them keeps the
 * overlap analysis in step in the writing transaction itself (the write hook).
 */
export function createServices(ds: DataSource, logger?: Logger, options: { analysisBatchRows?: number; analysisIncrementalLimit?: number } = {}) {
  const changes = new ChangeFeed();
  const units = new UnitService(ds, changes);
  const analysis = new AnalysisService(ds, units, changes, logger, { batchRows: options.analysisBatchRows, incrementalLimit: options.analysisIncrementalLimit });
  const snapshot = new SnapshotService(ds, changes);
  const registryCopy = new RegistryCopy(ds);
  const duplicates = new DuplicatesService(ds, registryCopy, units);
  onWrite(ds, (em, event) => analysis.onWrite(em, event));
  changes.subscribe(registryCopy);
  return {
    topics: new TopicService(ds, changes),
    units,
    people: new PersonService(ds, units),
    agreements: new AgreementService(ds, units, changes),
    collaborations: new CollaborationService(ds, units, changes),
    snapshot,
    tables: new TableImportService(ds, snapshot, duplicates),
    analysis,
    duplicates,
    auth: new AuthService(ds),
    records: new RecordsService(ds, changes),
    changes,
  };
}
export type Services = ReturnType<typeof createServices>;

function recordLoaders(ds: DataSource, plan?: ReadPlan) {
  return {
    topic: recordLoader(ds, Topic, plan),
    unit: recordLoader(ds, Unit, plan),
    person: recordLoader(ds, Person, plan),
    agreement: recordLoader(ds, Agreement, plan),
    collaboration: recordLoader(ds, Collaboration, plan),
  };
}
type RecordLoaders = ReturnType<typeof recordLoaders>;

/** Each module's loaders, built together (they may prime the record loaders, reached through `loaders`). */
const LOADER_GROUPS = [
  (ds: DataSource, _loaders: RecordLoaders, plan?: ReadPlan) => recordLoaders(ds, plan),
  (ds: DataSource) => topicLoaders(ds),
  (ds: DataSource) => unitLoaders(ds),
  (ds: DataSource) => personLoaders(ds),
  (ds: DataSource, loaders: RecordLoaders, plan?: ReadPlan) => agreementLoaders(ds, loaders, plan),
  (ds: DataSource, loaders: RecordLoaders, plan?: ReadPlan) => collaborationLoaders(ds, loaders, plan),
] as const;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
export type Loaders = UnionToIntersection<ReturnType<(typeof LOADER_GROUPS)[number]>>;

const prototypes = new WeakMap<DataSource, object>();

/**
 * Fresh loaders per request, so a request sees its own writes and never another request's cache. They are made
 * on first use (a module's group at once), so a request pays only for the loaders its query reaches. With the
 * read plan of the operation the request runs, records are read without the columns it does not select.
 */
export function createLoaders(ds: DataSource, plan?: ReadPlan): Loaders {
  let prototype = prototypes.get(ds);
  if (!prototype) {
    prototype = {};
    const sample = recordLoaders(ds);
    for (const build of LOADER_GROUPS) {
      for (const key of Object.keys(build(ds, sample))) {
        Object.defineProperty(prototype, key, {
          get(this: Loaders & { readPlan?: ReadPlan }) {
            const group = build(ds, this, this.readPlan) as Record<string, unknown>;
            for (const [name, loader] of Object.entries(group)) Object.defineProperty(this, name, { value: loader, enumerable: true });
            return group[key];
          },
        });
      }
    }
    prototypes.set(ds, prototype);
  }
  const loaders = Object.create(prototype) as Loaders & { readPlan?: ReadPlan };
  loaders.readPlan = plan;
  return loaders;
}

export interface Context extends PlannedContext {
  dataSource: DataSource;
  services: Services;
  loaders: Loaders;
  /** Who is asking, and what they may do. */
  access: AccessPolicy;
  /** The language of the explanations it reads (its Accept-Language). */
  language: Language;
}

/**
 * A request's context. Its loaders are made on first use, after the executor has set the read plan of the
 * operation (none: every column is read). A class, because Apollo copies the context it is given onto the same
 * prototype (Object.assign): a getter here survives the copy and reads the plan set on the copy.
 */
export class RequestScope implements Context {
  readPlan?: ReadPlan;
  private made?: Loaders;

  constructor(
    readonly dataSource: DataSource,
    private readonly shared: Services,
    readonly access: AccessPolicy,
    /** The request's statement figures, where its time budget is kept (src/db/work-budget.ts). */
    private readonly stats?: StatementStats,
    readonly language: Language = 'en',
  ) {}

  /**
   * Once the request's time budget has run out, the fields still to be resolved fail at once, before they build
   * statements of their own. Checked here as well as before each statement: a page's resolvers all start (and
   * build their statements) before the first of those statements runs, and 30 aliases of 100 units each started
   * seconds of such work before the first check.
   */
  private refuseOverBudget(): void {
    if (this.stats) checkWorkBudget(this.stats);
  }

  get services(): Services {
    this.refuseOverBudget();
    return this.shared;
  }

  get loaders(): Loaders {
    this.refuseOverBudget();
    return (this.made ??= createLoaders(this.dataSource, this.readPlan));
  }
}
