import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../../graphql/loader-helpers';
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
export function collaborationLoaders(ds: DataSource, records: RecordLoaders) {
  return {
    unitsByCollaboration: groupedLoader(
      async (ids) => {
        const rows = await ds.getRepository(CollaborationUnit).find({
          where: { collaborationId: In(ids) },
          relations: { unitRelation: true },
          order: { position: 'ASC' },
        });
        for (const row of rows) if (row.unitRelation) records.unit.prime(row.unitId, row.unitRelation);
        return rows;
      },
      (r) => r.collaborationId,
    ),
    peopleByCollaboration: groupedLoader(
      async (ids) => {
        const rows = await ds.getRepository(CollaborationPerson).find({
          where: { collaborationId: In(ids) },
          relations: { personRelation: true },
          order: { position: 'ASC' },
        });
        for (const row of rows) if (row.personRelation) records.person.prime(row.personId, row.personRelation);
        return rows;
      },
      (r) => r.collaborationId,
    ),
    topicsByCollaboration: groupedLoader(
      async (ids) => {
        const rows = await ds.getRepository(CollaborationTopic).find({
          where: { collaborationId: In(ids) },
          relations: { topicRelation: true },
          order: { position: 'ASC' },
        });
        for (const row of rows) if (row.topicRelation) records.topic.prime(row.topicId, row.topicRelation);
        return rows;
      },
      (r) => r.collaborationId,
    ),
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
