import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  validate,
} from 'graphql';
import { parseDatabaseUrl } from '../../src/config';
import { openDatabase } from '../../src/db/data-source';
import { dropTestDatabases, onPostgres, testDatabaseUrl } from '../helpers/server';
import { EXAMPLE_OPERATIONS } from '../../src/graphql/ide';
import { getSchema, printedSchema } from '../../src/app/schema';
import { entities } from '../../src/app/entities';
import { getMetadataArgsStorage } from 'typeorm';

describe('GraphQL schema', () => {
  it('matches the committed schema.graphql', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(await printedSchema()).toBe(committed);
  });

  it('names in readWhenSelected only fields of the record type backed by a column of the same name', async () => {
    const schema = await getSchema();
    for (const cls of entities as Function[]) {
      const names = (cls as { readWhenSelected?: readonly string[] }).readWhenSelected;
      if (!names) continue;
      const type = schema.getType(cls.name);
      const chain: Function[] = [];
      for (let c: Function | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.push(c);
      const columns = getMetadataArgsStorage().filterColumns(chain).map((c) => c.propertyName);
      for (const name of names) expect([cls.name, name, isObjectType(type) && name in type.getFields(), columns.includes(name)]).toEqual([cls.name, name, true, true]);
    }
  });

  it('describes every type and field', async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names mutations object-then-verb with XInput and XPayload named after the mutation', async () => {
    const mutation = (await getSchema()).getMutationType()!;
    for (const field of Object.values(mutation.getFields())) {
      if (field.name === 'importRegistry') continue;
      const capital = field.name[0]!.toUpperCase() + field.name.slice(1);
      expect(field.args.map((a) => [a.name, String(a.type)])).toEqual([['input', `${capital}Input!`]]);
      expect(String(field.type)).toBe(`${capital}Payload!`);
    }
  });

  it('ships IDE example operations that are valid against the schema', async () => {
    const schema = await getSchema();
    expect(EXAMPLE_OPERATIONS.length).toBeGreaterThanOrEqual(4);
    for (const op of EXAMPLE_OPERATIONS) expect(validate(schema, parse(op.query)).map((e) => e.message)).toEqual([]);
  });
});

describe('migrations', () => {
  it('produce exactly the schema the entities describe (on the database this project runs on)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-migrations-'));
    const url = testDatabaseUrl(dir, 'm');
    const ds = await openDatabase(parseDatabaseUrl(url));
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const search = onPostgres()
        ? await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'collaboration_search'`)
        : await ds.query(`SELECT name FROM sqlite_master WHERE name = 'collaboration_search'`);
      expect(search).toHaveLength(1);
    } finally {
      await ds.destroy();
      await dropTestDatabases([url]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
