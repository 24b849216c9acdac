import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { countStatements, StatementStats } from '../db/statement-counter';
import { Context, createLoaders, createServices, Services } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { idePage, readIdeAsset } from '../graphql/ide';
import { getSchema } from '../graphql/schema';
import { AccessPolicy } from '../modules/auth/access-policy';
import { unauthenticated } from '../modules/auth/principal';

export const GRAPHQL_PATH = '/graphql';

interface RequestContext extends Context {
  diagnostics?: { stats: StatementStats; startedAt: number };
}

/** Adds `extensions.diagnostics` when REGISTRY_DIAGNOSTICS is on. */
const diagnosticsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const d = contextValue.diagnostics;
        if (!d || response.body.kind !== 'single') return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          diagnostics: { sqlStatements: d.stats.sqlStatements, durationMs: Math.round((performance.now() - d.startedAt) * 100) / 100 },
        };
      },
    };
  },
};

class BodyTooLarge extends Error {}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

export interface RunningServer {
  url: string;
  port: number;
  dataSource: DataSource;
  services: Services;
  stop(): Promise<void>;
}

/**
 * Opens the database (migrating it, and seeding an empty one when configured), builds the schema and listens.
 * Tests call this with port 0 and a temporary database; `registry serve` and `npm start` call it from main.ts.
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const dataSource = await openDatabase(config.database);
  const services = createServices(dataSource);
  if (config.seedOnStart && (await services.snapshot.isEmpty())) await services.snapshot.importFolder(config.seedsDir);

  const apollo = new ApolloServer<RequestContext>({
    schema: await getSchema(),
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginLandingPageDisabled(), diagnosticsPlugin],
    formatError: formatError(config.development),
    includeStacktraceInErrorResponses: config.development,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
  });
  await apollo.start();

  const handleGraphQL = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    let body: unknown = undefined;
    if (req.method === 'POST') {
      let text: string;
      try {
        text = await readBody(req, config.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          sendJson(res, 413, {
            errors: [{ message: `Request body is larger than the limit of ${config.maxBodyBytes} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
          });
          return;
        }
        throw error;
      }
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/json')) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
          return;
        }
      } else {
        body = text;
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const stats: StatementStats = { sqlStatements: 0 };
    const startedAt = performance.now();
    const response = await countStatements(stats, () =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const principal = await services.auth.authenticate(req.headers.authorization);
          if (principal.kind === 'anonymous' && !config.anonymousRead) throw unauthenticated();
          return {
            dataSource,
            services,
            loaders: createLoaders(dataSource),
            access: new AccessPolicy(principal, dataSource, config.anonymousRead),
            diagnostics: config.diagnostics ? { stats, startedAt } : undefined,
          };
        },
      }),
    );
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = async () => {
      if (url.pathname === GRAPHQL_PATH) {
        const wantsPage = req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
        if (wantsPage) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(idePage(GRAPHQL_PATH));
          return;
        }
        await handleGraphQL(req, res, url);
        return;
      }
      if (url.pathname.startsWith('/ide/') && req.method === 'GET') {
        const asset = readIdeAsset(url.pathname.slice('/ide/'.length));
        if (asset) {
          res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'public, max-age=86400' });
          res.end(asset.body);
          return;
        }
      }
      if (url.pathname === '/healthz') {
        sendJson(res, 200, { status: 'ok' });
        return;
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        res.end();
        return;
      }
      sendJson(res, 404, { errors: [{ message: `Nothing at ${url.pathname}; the API is at ${GRAPHQL_PATH}`, extensions: { code: 'NOT_FOUND' } }] });
    };
    route().catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
      if (config.development) console.error(error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${host}:${port}${GRAPHQL_PATH}`,
    port,
    dataSource,
    services,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await apollo.stop();
      await dataSource.destroy();
    },
  };
}
