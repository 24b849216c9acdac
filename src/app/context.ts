import { DataSource } from 'typeorm';
import { ChangeFeed } from '../db/change-feed';
import { Logger } from '../observability/logger';
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
import { SnapshotService } from '../modules/snapshot/snapshot.service';
import { Topic } from '../modules/topics/topic.entity';
import { topicLoaders } from '../modules/topics/topic.loaders';
import { TopicService } from '../modules/topics/topic.service';
import { Unit } from '../modules/units/unit.entity';
import { unitLoaders } from '../modules/units/unit.loaders';
import { UnitService } from '../modules/units/unit.service';
import { recordLoader } from '../graphql/loader-helpers';

/** One set of services per server (they hold no request state). */
export function createServices(ds: DataSource, logger?: Logger) {
  const changes = new ChangeFeed();
  const units = new UnitService(ds, changes);
  const analysis = new AnalysisService(ds, units, changes, logger);
  changes.subscribe(analysis);
  return {
    topics: new TopicService(ds, changes),
    units,
    people: new PersonService(ds, units),
    agreements: new AgreementService(ds, units, changes),
    collaborations: new CollaborationService(ds, units, changes),
    snapshot: new SnapshotService(ds, changes),
    analysis,
    auth: new AuthService(ds),
    records: new RecordsService(ds, changes),
    changes,
  };
}
export type Services = ReturnType<typeof createServices>;

/** Fresh loaders per request, so a request sees its own writes and never another request's cache. */
export function createLoaders(ds: DataSource) {
  const records = {
    topic: recordLoader(ds, Topic),
    unit: recordLoader(ds, Unit),
    person: recordLoader(ds, Person),
    agreement: recordLoader(ds, Agreement),
    collaboration: recordLoader(ds, Collaboration),
  };
  return {
    ...records,
    ...topicLoaders(ds),
    ...unitLoaders(ds),
    ...personLoaders(ds),
    ...agreementLoaders(ds, records),
    ...collaborationLoaders(ds, records),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  dataSource: DataSource;
  services: Services;
  loaders: Loaders;
  /** Who is asking, and what they may do. */
  access: AccessPolicy;
}
