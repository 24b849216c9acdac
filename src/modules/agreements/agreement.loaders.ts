import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../../graphql/loader-helpers';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from './agreement.entity';

/**
 * Parties and focus topics come with their units/topics in one joined query, and those records are primed into
 * the record loaders, so a page of agreements with parties costs one statement, not two.
 */
export function agreementLoaders(ds: DataSource, records: { unit: DataLoader<number, Unit | null>; topic: DataLoader<number, Topic | null> }) {
  return {
    partiesByAgreement: groupedLoader(
      async (ids) => {
        const rows = await ds.getRepository(AgreementParty).find({
          where: { agreementId: In(ids) },
          relations: { unitRelation: true },
          order: { position: 'ASC' },
        });
        for (const row of rows) if (row.unitRelation) records.unit.prime(row.unitId, row.unitRelation);
        return rows;
      },
      (p) => p.agreementId,
    ),
    focusTopicsByAgreement: groupedLoader(
      async (ids) => {
        const rows = await ds.getRepository(AgreementFocusTopic).find({
          where: { agreementId: In(ids) },
          relations: { topicRelation: true },
          order: { position: 'ASC' },
        });
        for (const row of rows) if (row.topicRelation) records.topic.prime(row.topicId, row.topicRelation);
        return rows;
      },
      (f) => f.agreementId,
    ),
    contactsByAgreement: groupedLoader(
      (ids) => ds.getRepository(AgreementContact).find({ where: { agreementId: In(ids) }, order: { position: 'ASC' } }),
      (c) => c.agreementId,
    ),
    subAgreements: groupedLoader(
      (ids) => ds.getRepository(Agreement).find({ where: { parentId: In(ids) }, order: { key: 'ASC' } }),
      (a) => a.parentId!,
    ),
  };
}
