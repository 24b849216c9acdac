import { DataSource, In } from 'typeorm';
import { groupedLoader } from '../../graphql/loader-helpers';
import { Topic } from './topic.entity';

export function topicLoaders(ds: DataSource) {
  return {
    /** Direct narrower topics of each topic. */
    topicChildren: groupedLoader(
      (ids) => ds.getRepository(Topic).find({ where: { parentId: In(ids) }, order: { key: 'ASC' } }),
      (t) => t.parentId!,
    ),
  };
}
