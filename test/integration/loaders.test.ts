import { In } from 'typeorm';
import { findRecordBy, joinedRowsLoader, recordLoader } from '../../src/graphql/loader-helpers';
import { Agreement } from '../../src/modules/agreements/agreement.entity';
import { Collaboration, CollaborationPerson, CollaborationUnit } from '../../src/modules/collaborations/collaboration.entity';
import { Person } from '../../src/modules/people/person.entity';
import { Topic } from '../../src/modules/topics/topic.entity';
import { Unit } from '../../src/modules/units/unit.entity';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * The loaders read rows as arrays through their own prepared statements (src/db/sql.ts) and hydrate them
 * column by column: every record they give must be the entity TypeORM's own find gives, value for value and of
 * the same class, on both databases.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

describe('loaders read records exactly as TypeORM finds them', () => {
  it.each([Topic, Unit, Person, Agreement, Collaboration])('%p by id and by key', async (cls) => {
    const ds = server.dataSource;
    const expected = await ds.getRepository<any>(cls).find({ order: { id: 'ASC' } });
    expect(expected.length).toBeGreaterThan(0);
    const loaded = await recordLoader<any>(ds, cls as any).loadMany(expected.map((r: { id: number }) => r.id));
    expect(loaded).toEqual(expected);
    loaded.forEach((record) => expect(record).toBeInstanceOf(cls));
    const sample = expected.slice(0, 25);
    for (const record of sample) expect(await findRecordBy<any>(ds.manager, cls as any, 'key', record.key)).toEqual(record);
    // A transaction's own connection sees its own writes.
    await ds.transaction(async (em) => {
      for (const record of sample.slice(0, 3)) expect(await findRecordBy<any>(em, cls as any, 'id', record.id)).toEqual(record);
    });
  });

  it('participant rows joined with the record they name', async () => {
    const ds = server.dataSource;
    const ids = (await ds.getRepository(Collaboration).find({ select: { id: true }, order: { id: 'ASC' }, take: 150 })).map((c) => c.id);
    for (const [entity, relation, target, targets] of [
      [CollaborationUnit, 'unitRelation', 'unitId', recordLoader(ds, Unit)],
      [CollaborationPerson, 'personRelation', 'personId', recordLoader(ds, Person)],
    ] as const) {
      const loader = joinedRowsLoader<any, any>(ds, entity, 'collaborationId', relation, target, targets as any);
      const rows = (await loader.loadMany(ids)).flat();
      const expected = await ds.getRepository<any>(entity).find({ where: { collaborationId: In(ids) }, relations: { [relation]: true }, order: { position: 'ASC' } });
      const byOwner = (list: any[]) => [...list].sort((a, b) => a.collaborationId - b.collaborationId || a.position - b.position);
      expect(byOwner(rows)).toEqual(byOwner(expected));
    }
  });
});
