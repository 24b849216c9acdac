import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RegistryError } from '../errors/registry-error';
import { Context, Loaders } from '../app/context';
import { Node } from './node';
import { CountedList } from './list-bounds';
import { fromGlobalId } from './node-id';
import { RecordClass, resolveRefs } from '../db/references';

const LOADER_OF_TYPE: Record<string, keyof Loaders> = {
  Topic: 'topic',
  Unit: 'unit',
  Person: 'person',
  Agreement: 'agreement',
  Collaboration: 'collaboration',
};

const MAX_NODES = 100;

async function loadNode(ctx: Context, id: string): Promise<Node | null> {
  const global = fromGlobalId(id);
  const loader = global && LOADER_OF_TYPE[global.type];
  if (!global || !loader) return null;
  const load = (recordId: number) => (ctx.loaders[loader] as { load(id: number): Promise<Node | null> }).load(recordId);
  const found = await load(global.id);
  if (found) return found;
  // The global id of a record merged into another leads to the one it went into.
  const cls = ctx.dataSource.entityMetadatas.map((m) => m.target as RecordClass).find((c) => typeof c === 'function' && c.nodeType === global.type && c.mergedInto);
  const survivor = cls && (await resolveRefs(ctx.dataSource.manager, cls, [id])).get(id);
  return survivor === undefined || survivor === null ? null : ((await load(survivor)) ?? null);
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id; null when there is none.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id);
  }

  @CountedList({ max: MAX_NODES, countArg: 'ids' })
  @Query(() => [Node], { nullable: 'items', description: `Several records by global id (at most ${MAX_NODES}), in the order asked.` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    // The limits check refuses this before execution; the resolver keeps the bound wherever it is called from.
    if (ids.length > MAX_NODES) throw RegistryError.of('ids', 'INVALID', `at most ${MAX_NODES} (was ${ids.length})`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
