import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../../graphql/loader-helpers';
import { Affiliation } from './person.entity';

export function personLoaders(ds: DataSource) {
  return {
    affiliationsByPerson: groupedLoader(
      (ids) => ds.getRepository(Affiliation).find({ where: { personId: In(ids) }, order: { position: 'ASC' } }),
      (a) => a.personId,
    ),
  };
}
