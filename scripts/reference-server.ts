/**
 * The yardstick of `npm run bench:http`: the simplest honest hand-written GraphQL server for the part of the
 * registry's schema the W1 and W3 workloads read. Raw node:http, graphql-js `execute` with a cache of parsed and
 * validated documents, better-sqlite3 prepared statements over the registry's own SQLite file (the same tables),
 * and one DataLoader per list, each batch one prepared statement. No auth, limits, logging or metrics.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import DataLoader from 'dataloader';
import { buildSchema, DocumentNode, execute, GraphQLError, GraphQLObjectType, GraphQLSchema, parse, validate } from 'graphql';

const SDL = `
  type Query {
    collaborations(first: Int): CollaborationConnection!
    collaboration(key: String): Collaboration
  }
  type CollaborationConnection { totalCount: Int! nodes: [Collaboration!]! }
  type Collaboration {
    id: ID! key: String! title: String! kind: String! status: String! startDate: String endDate: String
    units: [CollaborationUnit!]! people: [CollaborationPerson!]! topics: [Topic!]! agreement: Agreement parent: Collaboration
  }
  type CollaborationUnit { role: String! unit: Unit! }
  type Unit { id: ID! key: String! name: String! kind: String! parent: Unit }
  type CollaborationPerson { role: String! person: Person! }
  type Person { key: String! name: String! title: String }
  type Topic { key: String! label: String! }
  type Agreement { key: String! title: String! }
`;

interface Row {
  id: number;
  [column: string]: unknown;
}

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export interface ReferenceServer {
  url: string;
  close(): Promise<void>;
}

export async function startReferenceServer(file: string, port = 0): Promise<ReferenceServer> {
  const db = new Database(file, { readonly: true });
  const COLLABORATION = `SELECT id, key, title, kind, status, start_date AS startDate, end_date AS endDate, agreement_id AS agreementId, parent_id AS parentId FROM collaboration`;
  // A batch of ids is one JSON array bound to one prepared statement, whatever its length.
  const IDS = `(SELECT value FROM json_each(?))`;
  const sql = {
    page: db.prepare(`${COLLABORATION} ORDER BY key LIMIT ?`),
    count: db.prepare(`SELECT COUNT(*) AS n FROM collaboration`).pluck(),
    byKey: db.prepare(`${COLLABORATION} WHERE key = ?`),
    collaborations: db.prepare(`${COLLABORATION} WHERE id IN ${IDS}`),
    units: db.prepare(`SELECT id, key, name, kind, parent_id AS parentId FROM unit WHERE id IN ${IDS}`),
    agreements: db.prepare(`SELECT id, key, title FROM agreement WHERE id IN ${IDS}`),
    unitRows: db.prepare(
      `SELECT cu.collaboration_id AS owner, cu.role, u.id, u.key, u.name, u.kind, u.parent_id AS parentId FROM collaboration_unit cu JOIN unit u ON u.id = cu.unit_id WHERE cu.collaboration_id IN ${IDS} ORDER BY cu.position`,
    ),
    personRows: db.prepare(
      `SELECT cp.collaboration_id AS owner, cp.role, p.id, p.key, p.name, p.title FROM collaboration_person cp JOIN person p ON p.id = cp.person_id WHERE cp.collaboration_id IN ${IDS} ORDER BY cp.position`,
    ),
    topicRows: db.prepare(
      `SELECT ct.collaboration_id AS owner, t.id, t.key, t.label FROM collaboration_topic ct JOIN topic t ON t.id = ct.topic_id WHERE ct.collaboration_id IN ${IDS} ORDER BY ct.position`,
    ),
  };

  const byId = (statement: Database.Statement) =>
    new DataLoader<number, Row | null>(async (ids) => {
      const rows = new Map((statement.all(JSON.stringify(ids)) as Row[]).map((r) => [r.id, r]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  const grouped = (statement: Database.Statement) =>
    new DataLoader<number, Row[]>(async (ids) => {
      const groups = new Map<number, Row[]>();
      for (const row of statement.all(JSON.stringify(ids)) as Row[]) {
        const owner = row.owner as number;
        const list = groups.get(owner);
        if (list) list.push(row);
        else groups.set(owner, [row]);
      }
      return ids.map((id) => groups.get(id) ?? []);
    });
  const createLoaders = () => ({
    collaboration: byId(sql.collaborations),
    unit: byId(sql.units),
    agreement: byId(sql.agreements),
    units: grouped(sql.unitRows),
    people: grouped(sql.personRows),
    topics: grouped(sql.topicRows),
  });
  type Loaders = ReturnType<typeof createLoaders>;

  const schema: GraphQLSchema = buildSchema(SDL);
  const resolvers: Record<string, Record<string, (row: Row, args: Record<string, unknown>, loaders: Loaders) => unknown>> = {
    Query: {
      collaborations: (_, args) => ({ totalCount: sql.count.get(), nodes: sql.page.all(Math.min(Number(args.first ?? 20), 100)) }),
      collaboration: (_, args) => sql.byKey.get(args.key) ?? null,
    },
    Collaboration: {
      id: (c) => globalId('Collaboration', c.id),
      units: (c, _, l) => l.units.load(c.id).then((rows) => rows.map((r) => ({ role: r.role, unit: r }))),
      people: (c, _, l) => l.people.load(c.id).then((rows) => rows.map((r) => ({ role: r.role, person: r }))),
      topics: (c, _, l) => l.topics.load(c.id),
      agreement: (c, _, l) => (c.agreementId === null ? null : l.agreement.load(c.agreementId as number)),
      parent: (c, _, l) => (c.parentId === null ? null : l.collaboration.load(c.parentId as number)),
    },
    Unit: {
      id: (u) => globalId('Unit', u.id),
      parent: (u, _, l) => (u.parentId === null ? null : l.unit.load(u.parentId as number)),
    },
  };
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [name, resolve] of Object.entries(fields)) type.getFields()[name]!.resolve = (source, args, context) => resolve(source, args, context);
  }

  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const documentOf = (query: string) => {
    let entry = documents.get(query);
    if (!entry) {
      try {
        const document = parse(query);
        const errors = validate(schema, document);
        entry = errors.length ? errors : document;
      } catch (error) {
        entry = [error as GraphQLError];
      }
      if (documents.size >= 1000) documents.delete(documents.keys().next().value!);
      documents.set(query, entry);
    }
    return entry;
  };

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown>; operationName?: string };
        const document = documentOf(body.query);
        if (Array.isArray(document)) return send(res, 400, { errors: document.map((e) => e.toJSON()) });
        const result = await execute({
          schema,
          document: document as DocumentNode,
          variableValues: body.variables,
          operationName: body.operationName,
          contextValue: createLoaders(),
        });
        send(res, 200, result);
      } catch (error) {
        send(res, 500, { errors: [{ message: (error as Error).message }] });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        db.close();
      }),
  };
}
