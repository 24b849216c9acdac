import { Arg, Args, ClassType, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { RegistryError } from '../../errors/registry-error';
import { Context } from '../../app/context';
import { fromGlobalId, toGlobalId } from '../../graphql/node-id';
import { ConnectionArgs, connectionType, paginate, SortDirection } from '../../graphql/pagination';
import { RecordBase } from '../../db/record-base';
import { Agreement } from '../agreements/agreement.entity';
import { Role } from '../auth/api-token.entity';
import { Collaboration } from '../collaborations/collaboration.entity';
import { Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { AuditEntry } from './audit-entry.entity';

const AuditEntryConnection = connectionType(AuditEntry, 'AuditEntry');

@InputType({ description: 'Which audit entries to list; all conditions must hold.' })
class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Entries about this record (its global id).' })
  record?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries made by this actor (token name, "cli", "seed").' })
  actor?: string | null;

  @Field(() => Date, { nullable: true, description: 'Entries made at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Entries made before this moment.' })
  to?: Date | null;
}

function entries(ctx: Context, filter: { recordType?: string; recordId?: number; actor?: string | null; from?: Date | null; to?: Date | null }, page: ConnectionArgs) {
  // The history holds personal data as it changed: tokens only.
  ctx.access.require(Role.VIEWER, 'Reading the audit history');
  const query = ctx.dataSource.getRepository(AuditEntry).createQueryBuilder('audit');
  if (filter.recordType) query.andWhere('audit.record_type = :type AND audit.record_id = :id', { type: filter.recordType, id: filter.recordId });
  if (filter.actor) query.andWhere('audit.actor = :actor', { actor: filter.actor });
  if (filter.from) query.andWhere('audit.at >= :from', { from: filter.from });
  if (filter.to) query.andWhere('audit.at < :to', { to: filter.to });
  // Newest first; ids grow with time, so the id alone orders entries and serves as the cursor.
  return paginate(query, page, { expression: 'audit.id', direction: SortDirection.DESC, numeric: true });
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Every change to the registry (API, import, command line): who, when, which record, what changed. Newest first.' })
  auditLog(@Ctx() ctx: Context, @Args() page: ConnectionArgs, @Arg('filter', () => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter) {
    let record: { recordType?: string; recordId?: number } = {};
    if (filter?.record) {
      const global = fromGlobalId(filter.record);
      if (!global) throw RegistryError.of('filter.record', 'INVALID', `"${filter.record}" is not a global id`);
      record = { recordType: global.type, recordId: global.id };
    }
    return entries(ctx, { ...record, actor: filter?.actor, from: filter?.from, to: filter?.to }, page);
  }

  @FieldResolver(() => ID, { description: 'Global id of the record changed (it may since have been deleted).' })
  recordId(@Root() entry: AuditEntry) {
    return toGlobalId(entry.recordType, entry.recordId);
  }
}

/** `history` on each record type: the audit entries about that record, newest first. */
function historyResolver<T extends RecordBase>(cls: ClassType<T> & { nodeType: string }) {
  @Resolver(() => cls)
  class HistoryResolver {
    @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Changes to this record, newest first (null, with an error, for anonymous callers).' })
    history(@Root() record: T, @Ctx() ctx: Context, @Args() page: ConnectionArgs) {
      return entries(ctx, { recordType: cls.nodeType, recordId: record.id }, page);
    }
  }
  return HistoryResolver;
}

export const historyResolvers = [Topic, Unit, Person, Agreement, Collaboration].map((cls) => historyResolver(cls as ClassType<RecordBase> & { nodeType: string }));
