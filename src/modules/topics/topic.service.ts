import DataLoader from 'dataloader';
import { ChangeFeed } from '../../db/change-feed';
import { AuditAction } from '../audit/audit-entry.entity';
import { recordChange, stateOf } from '../audit/audit';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { normalizeText, searchText } from '../../text/normalize';
import { assertKeyFree, assertNoCycle, claimVersion, requireRecord, requireRef, resolveRefs, syncClaimed } from '../../db/references';
import { subtreeIds, containsCondition } from '../../db/sql';
import { assertNotInUse } from '../../db/in-use';
import { lookupRecord } from '../../graphql/lookup';
import { MaybePromise } from '../../db/sync-reads';
import { ReadPlan } from '../../graphql/read-plan';
import { DeleteInput } from '../../graphql/mutation-types';
import { ConnectionArgs, Ordering, paginate, SortDirection } from '../../graphql/pagination';
import { Topic } from './topic.entity';
import { TopicCreateInput, TopicFilter, TopicOrder, TopicOrderField, TopicUpdateInput } from './topic.inputs';

export function topicSearchText(t: Pick<Topic, 'key' | 'label' | 'labelEn' | 'synonyms'>): string {
  return normalizeText([t.label, t.labelEn ?? '', ...t.synonyms, t.key].join(' | '));
}

const ORDER_EXPRESSION: Record<TopicOrderField, string> = {
  KEY: 'topic.key',
  LABEL: 'topic.label',
};

export class TopicService {
  constructor(
    private readonly ds: DataSource,
    private readonly changes: ChangeFeed,
  ) {}

  /** With the read plan of the operation asking, the record lacks the columns it does not select. */
  lookup(id?: string | null, key?: string | null, plan?: ReadPlan): MaybePromise<Topic | null> {
    return lookupRecord(this.ds.manager, Topic, id, key, plan);
  }

  /** Ids of the topics a reference names, with every narrower topic (any depth). Empty when unknown. */
  async withNarrower(ref: string): Promise<number[]> {
    const id = (await resolveRefs(this.ds.manager, Topic, [ref])).get(ref);
    return id === undefined ? [] : subtreeIds(this.ds.manager, 'topic', [id]);
  }

  async list(filter: TopicFilter | null | undefined, args: ConnectionArgs, order?: TopicOrder | null, records?: DataLoader<number, Topic | null>) {
    const query: SelectQueryBuilder<Topic> = this.ds.getRepository(Topic).createQueryBuilder('topic');
    if (filter?.parent != null) {
      const parentId = (await resolveRefs(this.ds.manager, Topic, [filter.parent])).get(filter.parent) ?? -1;
      query.andWhere('topic.parent_id = :parentId', { parentId });
    }
    if (filter?.rootsOnly) query.andWhere('topic.parent_id IS NULL');
    if (filter?.text) {
      const contains = containsCondition('topic.search_text', 'text', searchText(filter.text, 'filter.text').normalized);
      query.andWhere(contains.sql, contains.params);
    }
    const ordering: Ordering = {
      expression: ORDER_EXPRESSION[order?.field ?? TopicOrderField.KEY],
      direction: order?.direction ?? SortDirection.ASC,
    };
    return paginate(query, args, ordering, records);
  }

  async create(input: TopicCreateInput): Promise<Topic> {
    const result = await this.ds.transaction(async (em) => {
      await assertKeyFree(em, Topic, input.key);
      const topic = em.getRepository(Topic).create({
        key: input.key,
        label: input.label,
        labelEn: input.labelEn ?? null,
        parentId: input.parent != null ? await requireRef(em, Topic, input.parent, 'parent') : null,
        synonyms: input.synonyms ?? [],
      });
      topic.searchText = topicSearchText(topic);
      const saved = await em.getRepository(Topic).save(topic);
      await recordChange(em, 'topics', saved.id, AuditAction.CREATE, null);
      return saved;
    });
    this.changes.registryChanged();
    return result;
  }

  async update(input: TopicUpdateInput): Promise<Topic> {
    const result = await this.ds.transaction(async (em) => {
      const topic = await requireRecord(em, Topic, input.id);
      const before = await stateOf(em, 'topics', topic.id);
      await claimVersion(em, Topic, topic.id, input.version);
      await this.apply(em, topic, input);
      await em.getRepository(Topic).save(topic);
      await recordChange(em, 'topics', topic.id, AuditAction.UPDATE, before);
      return (await em.getRepository(Topic).findOneBy({ id: topic.id }))!;
    });
    this.changes.registryChanged();
    return result;
  }

  private async apply(em: EntityManager, topic: Topic, input: TopicUpdateInput): Promise<void> {
    if (input.key !== undefined && input.key !== topic.key) {
      await assertKeyFree(em, Topic, input.key, topic.id);
      topic.key = input.key;
    }
    if (input.label !== undefined) topic.label = input.label;
    if (input.labelEn !== undefined) topic.labelEn = input.labelEn;
    if (input.synonyms !== undefined) topic.synonyms = input.synonyms ?? [];
    if (input.parent !== undefined) {
      const parentId = input.parent === null ? null : await requireRef(em, Topic, input.parent, 'parent');
      await assertNoCycle(em, 'topic', topic.id, parentId);
      topic.parentId = parentId;
    }
    syncClaimed(topic);
    topic.searchText = topicSearchText(topic);
  }

  async delete(input: DeleteInput): Promise<string> {
    const result = await this.ds.transaction(async (em) => {
      const topic = await requireRecord(em, Topic, input.id);
      const before = await stateOf(em, 'topics', topic.id);
      await claimVersion(em, Topic, topic.id, input.version);
      await assertNotInUse(em, 'topic', topic.id, [
        { table: 'topic', column: 'parent_id', label: 'narrower topic(s)' },
        { table: 'collaboration_topic', column: 'topic_id', label: 'collaboration(s)', owner: { table: 'collaboration', column: 'collaboration_id' } },
        { table: 'agreement_focus_topic', column: 'topic_id', label: 'agreement(s)', owner: { table: 'agreement', column: 'agreement_id' } },
      ]);
      await em.getRepository(Topic).softDelete(topic.id);
      await recordChange(em, 'topics', topic.id, AuditAction.DELETE, before);
      return topic.globalId;
    });
    this.changes.registryChanged();
    return result;
  }
}
