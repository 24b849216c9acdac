import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupedLoader, joinedRowsLoader } from '../../graphql/loader-helpers';
import { ReadPlan } from '../../graphql/read-plan';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from './agreement.entity';

/**
 * Parties and focus topics come with their units/topics in one joined query, and those records are primed into
 * the record loaders, so a page of agreements with parties costs one statement, not two.
 */
export function agreementLoaders(ds: DataSource, records: { unit: DataLoader<number, Unit | null>; topic: DataLoader<number, Topic | null> }, plan?: ReadPlan) {
  return {
    partiesByAgreement: joinedRowsLoader(ds, AgreementParty, 'agreementId', 'unitRelation', 'unitId', records.unit, plan),
    focusTopicsByAgreement: joinedRowsLoader(ds, AgreementFocusTopic, 'agreementId', 'topicRelation', 'topicId', records.topic, plan),
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
