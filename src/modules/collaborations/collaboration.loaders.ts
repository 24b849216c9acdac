import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupedLoader, joinedRowsLoader } from '../../graphql/loader-helpers';
import { ReadPlan } from '../../graphql/read-plan';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Collaboration, CollaborationFunding, CollaborationPerson, CollaborationTopic, CollaborationUnit } from './collaboration.entity';

interface RecordLoaders {
  unit: DataLoader<number, Unit | null>;
  person: DataLoader<number, Person | null>;
  topic: DataLoader<number, Topic | null>;
}

/**
 * Participant rows are loaded joined with the record they name, and that record is primed into its loader:
 * a page of collaborations with units, people and topics costs one statement per list, whatever the page size.
 */
export function collaborationLoaders(ds: DataSource, records: RecordLoaders, plan?: ReadPlan) {
  return {
    unitsByCollaboration: joinedRowsLoader(ds, CollaborationUnit, 'collaborationId', 'unitRelation', 'unitId', records.unit, plan),
    peopleByCollaboration: joinedRowsLoader(ds, CollaborationPerson, 'collaborationId', 'personRelation', 'personId', records.person, plan),
    topicsByCollaboration: joinedRowsLoader(ds, CollaborationTopic, 'collaborationId', 'topicRelation', 'topicId', records.topic, plan),
    fundingByCollaboration: groupedLoader(
      (ids) => ds.getRepository(CollaborationFunding).find({ where: { collaborationId: In(ids) }, order: { position: 'ASC' } }),
      (r) => r.collaborationId,
    ),
    subCollaborations: groupedLoader(
      (ids) => ds.getRepository(Collaboration).find({ where: { parentId: In(ids) }, order: { key: 'ASC' } }),
      (c) => c.parentId!,
    ),
  };
}
