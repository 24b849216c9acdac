import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../../graphql/loader-helpers';
import { Unit } from './unit.entity';

export function unitLoaders(ds: DataSource) {
  return {
    /** Direct subunits of each unit. */
    unitChildren: groupedLoader(
      (ids) => ds.getRepository(Unit).find({ where: { parentId: In(ids) }, order: { name: 'ASC' } }),
      (u) => u.parentId!,
    ),
  };
}
