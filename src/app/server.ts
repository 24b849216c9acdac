import http from 'node:http';
import { AddressInfo } from 'node:net';
import { isPromise } from 'node:util/types';
import { ApolloServer, ApolloServerPlugin, HeaderMap, HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind, parse } from 'graphql';
import { DataSource } from 'typeorm';
import { Config } from '../config';
import { openDatabase } from '../db/data-source';
import { andThen, MaybePromise } from '../db/sync-reads';
import { startChangeRelay } from '../db/change-relay';
import { readBatchOf } from '../db/read-batch';
import { Language, preferredLanguage } from '../http/language';
import { Context, createServices, RequestScope, Services } from './context';
import { formatError, toGraphQLError, workBudgetRefusal } from '../graphql/errors';
import { startWorkBudget, WorkBudgetExceeded } from '../db/work-budget';
import { bodyNestingProblem } from '../graphql/input-guard';
import { idePage, readIdeAsset } from '../graphql/ide';
import { compiledExecution } from '../graphql/executor';
import { limitsPlugin, QueryGate, RepetitionRule } from '../graphql/limits';
import { AcceptedOperations, FastPath } from '../graphql/fast-path';
import { getSchema } from './schema';
import { WEB_APP_OPERATIONS } from './web-app-operations';
import { AccessPolicy } from '../modules/auth/access-policy';
import { Role } from '../modules/auth/api-token.entity';
import { actorName, ANONYMOUS, hasRole, Principal, unauthenticated } from '../modules/auth/principal';
import { runAs } from '../modules/audit/audit';
import { createLogger, Logger } from '../observability/logger';
import { RequestTrace, traceRequest } from '../observability/request-trace';
import { Metrics } from '../observability/metrics';
import { observationPlugin, observe, observeOperation, observeResult, Observation, ObservedContext } from '../http/observe';
import { clientAddress, MemoryRateLimiter, PostgresRateLimiter, RateLimiter } from '../http/rate-limit';
import { StaticFiles } from '../http/static-files';
import { RequestTurns } from '../http/request-turns';
import { ReceiveDeadlines } from '../http/receive-deadlines';
import { ConnectionGuard } from '../http/connection-guard';

export const GRAPHQL_PATH = '/graphql';

/** The request's context: its services and loaders, what is observed of it, and its time budget for reads (0: none). */
type RequestContext = Context & ObservedContext & { readBudgetMs: number };

/** `extensions.diagnostics` of a response: the request's SQL statements and time so far. */
function diagnosticsOf({ stats, startedAt }: Observation) {
  return { sqlStatements: stats.sqlStatements, durationMs: Math.round((performance.now() - startedAt) * 100) / 100 };
}

/** Adds `extensions.diagnostics` to responses Apollo answers (REGISTRY_DIAGNOSTICS on). */
const diagnosticsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, diagnostics: diagnosticsOf(contextValue.observation) };
      },
    };
  },
};

/**
 * Gives each query Apollo executes its caller's time budget, and answers one that ran out of it with
 * the refusal alone (src/db/work-budget.ts). Listed before observationPlugin, which then records that one code.
 */
const workBudgetPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async executionDidStart({ operation, contextValue }) {
        // A query the fast path started and handed over keeps the budget it began with: the rerun is not a new one.
        const stats = contextValue.observation.stats;
        if (operation?.operation === 'query' && contextValue.readBudgetMs && !stats.budget) startWorkBudget(stats, contextValue.readBudgetMs);
      },
      async willSendResponse({ contextValue, response }) {
        const budget = contextValue.observation.stats.budget;
        if (!budget?.exceeded || response.body.kind !== 'single') return;
        response.body.singleResult = { errors: [workBudgetRefusal(new WorkBudgetExceeded(budget.ms))] };
        response.http.status = 400;
      },
    };
  },
};

class BodyTooLarge extends Error {}
class BodyTooSlow extends Error {}

/** What the server reads of a request's target; a URL is one. */
type RequestTarget = Pick<URL, 'pathname' | 'search' | 'searchParams'>;

/**
 * The request's path and query, or null when the request line names no path URL can read (`GET // HTTP/1.1`).
 * The API's own path, as every GraphQL request names it, is split without building a URL (that showed in profiles
 * of small queries); anything else is parsed (and normalised) by URL.
 */
function requestTarget(raw: string | undefined): RequestTarget | null {
  const target = raw ?? '/';
  if (target !== GRAPHQL_PATH && !target.startsWith(`${GRAPHQL_PATH}?`)) return URL.canParse(target, 'http://localhost') ? new URL(target, 'http://localhost') : null;
  const search = target.slice(GRAPHQL_PATH.length);
  return {
    pathname: GRAPHQL_PATH,
    search: search === '?' ? '' : search,
    get searchParams() {
      return new URLSearchParams(search);
    },
  };
}

/** Whether a parsed JSON body is a single operation whose only root field is importRegistry. */
function isImportOnly(body: unknown): boolean {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query, { maxTokens: 2000 });
    return (
      document.definitions.length === 1 &&
      document.definitions[0]!.kind === Kind.OPERATION_DEFINITION &&
      document.definitions[0]!.operation === 'mutation' &&
      document.definitions[0]!.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value === 'importRegistry')
    );
  } catch {
    return false;
  }
}

/**
 * The body as text, or BodyTooLarge as soon as it is known to pass the limit (from Content-Length, or once the
 * bytes received pass it), or BodyTooSlow when it has not all come within `deadlineMs`. A refused body is then
 * drained and dropped, never held, so the refusal reaches the client and the connection is closed after it.
 */
function readBody(req: http.IncomingMessage, limit: number, deadlines: ReceiveDeadlines, deadlineMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const refuse = (error: Error) => {
      req.removeAllListeners('data');
      req.removeAllListeners('end');
      req.resume();
      reject(error);
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const arrived = deadlines.watch(deadlineMs, () => refuse(new BodyTooSlow()));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        arrived();
        refuse(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      arrived();
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (error) => {
      arrived();
      reject(error);
    });
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Answers a request GraphQL never saw (too large, not JSON, rate limited…) in the GraphQL error shape. */
function refuse(res: http.ServerResponse, observation: Observation, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  observation.errorCodes.push(code);
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

function createRateLimiter(config: Config, dataSource: DataSource, logger: Logger): RateLimiter | null {
  if (config.rateLimitPerMinute <= 0) return null;
  return config.rateLimitStore === 'postgres' ? new PostgresRateLimiter(dataSource, config.rateLimitPerMinute, logger) : new MemoryRateLimiter(config.rateLimitPerMinute);
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
export async function startServer(config: Config, options: { logger?: Logger } = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const dataSource = await openDatabase(config.database, { logger, statementTimeoutMs: config.statementTimeoutMs });
  const services = createServices(dataSource, logger, { analysisBatchRows: config.analysisBatchRows, analysisIncrementalLimit: config.analysisIncrementalLimit });
  if (config.seedOnStart && (await services.snapshot.isEmpty())) {
    const summaries = await runAs('seed', () => services.snapshot.importFolder(config.seedsDir));
    logger.info({ seedsDir: config.seedsDir, created: summaries.map((s) => s.created) }, 'loaded the seeds into the empty database');
  }

  // The analysis is built in the background when none exists or one is asked for; reads wait only for the first.
  services.analysis.start();

  const schema = await getSchema();
  const gate = new QueryGate(config.limits);
  // SQLite's reads hold the event loop from their first statement to their last; PostgreSQL's hold a pooled
  // connection: both are bounded (src/db/work-budget.ts).
  const readBudgetFor = (principal: Principal) => (principal.kind === 'anonymous' ? config.readBudgetMs : config.tokenReadBudgetMs);
  const accepted = new AcceptedOperations();
  // Repeats of accepted queries skip Apollo's per-request pipeline (src/graphql/fast-path.ts says when and why).
  const fastPath = config.compiledExecution && config.fastPath ? new FastPath(schema, accepted, gate) : null;
  const apollo = new ApolloServer<RequestContext>({
    ...(config.compiledExecution ? { gateway: compiledExecution(schema, accepted) } : { schema }),
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(gate),
      workBudgetPlugin,
      observationPlugin,
      ...(config.diagnostics ? [diagnosticsPlugin] : []),
    ],
    validationRules: [RepetitionRule],
    formatError: formatError(config.development, logger),
    includeStacktraceInErrorResponses: config.development,
    introspection: config.introspection,
    allowBatchedHttpRequests: false,
    // `registry serve` (src/main.ts) stops on SIGINT/SIGTERM itself and logs until the end; Apollo's own handler
    // would kill the process by the signal once Apollo alone has stopped, before the rest is closed and logged.
    stopOnTerminationSignals: false,
    parseOptions: { maxTokens: config.limits.tokens },
    hideSchemaDetailsFromClientErrors: !config.development,
  });
  const limiter = createRateLimiter(config, dataSource, logger);
  const metrics = new Metrics(dataSource, services.analysis, WEB_APP_OPERATIONS);
  const webApp = new StaticFiles(config.webDir);
  const deadlines = new ReceiveDeadlines();
  const turns = new RequestTurns(config.database.type === 'sqlite', config.executionTimeoutMs, {}, readBatchOf(dataSource));
  await apollo.start();
  const stopRelay =
    config.database.type === 'postgres' ? await startChangeRelay(config.database.url, config.database.schema, dataSource, services.changes, logger) : null;

  /**
   * The parsed request body, or null when the request has already been answered (too large, not JSON). Only an
   * ADMIN may send more than the normal limit, and then only for a request that is nothing but importRegistry:
   * the caller is known before a byte of the body is read, so nobody else can make the server hold a large body.
   */
  const readGraphQLBody = (req: http.IncomingMessage, res: http.ServerResponse, observation: Observation, principal: Principal): MaybePromise<{ body: unknown } | null> => {
    if (req.method !== 'POST') return { body: undefined };
    const mayImport = hasRole(principal, Role.ADMIN);
    const limit = mayImport ? Math.max(config.maxBodyBytes, config.maxImportBodyBytes) : config.maxBodyBytes;
    const tooLarge = (bytes: number) => {
      // Once the refusal is out, stop receiving the rest of the body at all.
      res.once('finish', () => req.destroy());
      refuse(res, observation, 413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${bytes} bytes`, { connection: 'close' });
      return null;
    };
    const parse = (text: string) => {
      const isJson = (req.headers['content-type'] ?? '').includes('application/json');
      let body: unknown = text;
      if (isJson) {
        const nesting = bodyNestingProblem(text);
        if (nesting && 'body' in nesting) {
          refuse(res, observation, 400, 'BAD_REQUEST', nesting.body);
          return null;
        }
        if (nesting) {
          // The same answer as the check after parsing gives (badInput), without building the levels first.
          const error = toGraphQLError(nesting.variable);
          observation.errorCodes.push(String(error.extensions.code));
          sendJson(res, 400, { errors: [{ message: error.message, extensions: error.extensions }] });
          return null;
        }
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          refuse(res, observation, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
          return null;
        }
      }
      if (Buffer.byteLength(text) > config.maxBodyBytes && !(isJson && isImportOnly(body))) return tooLarge(config.maxBodyBytes);
      return { body };
    };
    const deadlineMs = mayImport ? Math.max(config.receiveTimeoutMs, config.importReceiveTimeoutMs) : config.receiveTimeoutMs;
    return readBody(req, limit, deadlines, deadlineMs).then(parse, (error: unknown) => {
      if (error instanceof BodyTooLarge) return tooLarge(limit);
      if (error instanceof BodyTooSlow) {
        res.once('finish', () => req.destroy());
        refuse(res, observation, 408, 'REQUEST_TIMEOUT', `The request body did not arrive within ${deadlineMs} ms`, { connection: 'close' });
        return null;
      }
      // The client went away in the middle of its body: nothing to answer, and nothing for the operators (the
      // request's log line says 499); anyone could fill the error log with these.
      if (req.destroyed) return null;
      throw error;
    });
  };

  /** Answers 429 and returns true when one of these budgets (an address's, a token's) is used up. */
  const rateLimited = async (limiter: RateLimiter, keys: string[], res: http.ServerResponse, observation: Observation): Promise<boolean> => {
    const verdict = await limiter.take(keys);
    if (verdict.allowed) return false;
    refuse(res, observation, 429, 'RATE_LIMITED', `Too many requests; try again in ${verdict.retryAfterSeconds} s`, { 'retry-after': String(verdict.retryAfterSeconds) });
    return true;
  };

  /** The caller, or null when the request has been answered with 401. */
  const authenticate = async (req: http.IncomingMessage, res: http.ServerResponse, observation: Observation): Promise<Principal | null> => {
    try {
      const principal = await services.auth.authenticate(req.headers.authorization);
      if (principal.kind === 'anonymous' && !config.anonymousRead) throw unauthenticated();
      return principal;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      refuse(res, observation, 401, 'UNAUTHENTICATED', error.message);
      return null;
    }
  };

  /**
   * The caller, or null when the request has been answered (rate limited, 401). The address's budget first (it
   * also stops floods of wrong tokens), then the token, then the token's own budget (keyed on who it is, not on how
   * the header is spelt). An anonymous reader with no rate limit to take from is known at once, without a promise.
   */
  const admit = (req: http.IncomingMessage, res: http.ServerResponse, observation: Observation): MaybePromise<Principal | null> => {
    if (!limiter && req.headers.authorization === undefined && config.anonymousRead) return ANONYMOUS;
    return admitChecked(req, res, observation);
  };
  const admitChecked = async (req: http.IncomingMessage, res: http.ServerResponse, observation: Observation): Promise<Principal | null> => {
    if (limiter && (await rateLimited(limiter, [`ip:${clientAddress(req, config.trustProxyHops)}`], res, observation))) return null;
    const principal = req.headers.authorization === undefined && config.anonymousRead ? ANONYMOUS : await authenticate(req, res, observation);
    if (!principal) return null;
    if (limiter && principal.kind === 'token' && (await rateLimited(limiter, [`token:${principal.name}`], res, observation))) return null;
    return principal;
  };

  /** Writes the answer, unless it is larger than the limit (then refused), with the language of its explanations. */
  const send = (res: http.ServerResponse, observation: Observation, response: HTTPGraphQLResponse, language: Language): MaybePromise<void> => {
    if (response.body.kind === 'complete' && Buffer.byteLength(response.body.string) > config.maxResponseBytes) {
      refuse(res, observation, 400, 'RESPONSE_TOO_LARGE', `The response is larger than the limit of ${config.maxResponseBytes} bytes; ask for fewer fields or smaller pages`);
      return;
    }
    for (const [key, value] of response.headers) res.setHeader(key, value);
    // Explanations follow Accept-Language (src/http/language.ts): a cache keeps the languages apart.
    const vary = res.getHeader('vary');
    res.setHeader('vary', vary ? `${String(vary)}, Accept-Language` : 'Accept-Language');
    res.setHeader('content-language', language);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      turns.answer(res, response.body.string);
      return;
    }
    return stream(res, response.body.asyncIterator);
  };
  const stream = async (res: http.ServerResponse, chunks: AsyncIterableIterator<string>) => {
    for await (const chunk of chunks) res.write(chunk);
    res.end();
  };

  /**
   * Answers a GraphQL request: the caller and the body are known as soon as they arrive; the operation runs in its
   * turn (src/http/request-turns.ts). Each step that can finish at once does (src/db/sync-reads.ts): a repeat of an
   * accepted query by an anonymous reader on SQLite is answered with the one promise that waits for its body.
   */
  const handleGraphQL = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: RequestTarget,
    observation: Observation,
    trace: RequestTrace,
    failed: (error: unknown) => void,
  ): MaybePromise<void> =>
    andThen(admit(req, res, observation), (principal) =>
      principal
        ? andThen(readGraphQLBody(req, res, observation, principal), (parsed) => {
            if (!parsed) return;
            turns.take({
              connection: req.socket,
              run: () => traceRequest(trace, () => respond(req, res, url, observation, trace, principal, parsed.body)),
              failed,
              abandoned: () => res.destroyed,
              refused: (reason) =>
                reason === 'busy'
                  ? refuse(res, observation, 503, 'SERVER_BUSY', 'Too many requests are waiting for their turn; try again in a second', { 'retry-after': '1' })
                  : refuse(res, observation, 503, 'TIMEOUT', `The request waited longer than the limit of ${config.executionTimeoutMs} ms for its turn and was not run; try again`),
            });
          })
        : undefined,
    );

  const respond = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: RequestTarget,
    observation: Observation,
    trace: RequestTrace,
    principal: Principal,
    body: unknown,
  ): MaybePromise<void> => {
    observation.actor = actorName(principal);
    observation.anonymous = principal.kind === 'anonymous';
    const readBudgetMs = readBudgetFor(principal);
    const language = preferredLanguage(req.headers['accept-language']);
    const contextValue = (): RequestContext =>
      Object.assign(
        new RequestScope(dataSource, services, new AccessPolicy(principal, dataSource, services.auth), observation.stats, language),
        { observation, readBudgetMs },
      );
    const fast = fastPath?.request(req.method, req.headers, body) ?? null;
    const apolloAnswer = async (): Promise<HTTPGraphQLResponse> => {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      // Everything the request changes is recorded in the audit history as done by this actor. (The fast path
      // runs only queries Apollo has accepted: they change nothing.)
      const response = await runAs(
        actorName(principal),
        () =>
          apollo.executeHTTPGraphQLRequest({
            httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
            context: async () => contextValue(),
          }),
        principal,
      );
      if (fast && (response.status ?? 200) === 200 && response.body.kind === 'complete') fastPath!.learn(fast, response.headers.get('content-type'));
      return response;
    };
    const answer = (): MaybePromise<HTTPGraphQLResponse> => {
      const chosen = fast && fastPath!.operationFor(fast);
      if (!chosen) return apolloAnswer();
      observeOperation(observation, chosen.accepted.operationName, chosen.accepted.operation);
      if (readBudgetMs) startWorkBudget(observation.stats, readBudgetMs);
      return andThen(fastPath!.execute(chosen.accepted, fast, contextValue), (result) => {
        if (!result && observation.stats.budget?.exceeded) {
          // Apollo would only run out of the same budget again.
          const refusal = workBudgetRefusal(new WorkBudgetExceeded(observation.stats.budget.ms));
          observation.errorCodes.push(String(refusal.extensions!.code));
          return { status: 400, headers: chosen.headers, body: { kind: 'complete', string: `${JSON.stringify({ errors: [refusal] })}\n` } };
        }
        if (!result) {
          // Apollo runs it again from the start: the statements of the abandoned run are not this answer's.
          observation.stats.sqlStatements = 0;
          return apolloAnswer();
        }
        observeResult(observation, result);
        const extensions = config.diagnostics ? { ...result.extensions, diagnostics: diagnosticsOf(observation) } : result.extensions;
        // As Apollo writes a single result: errors, data, extensions, then a newline.
        const string = `${JSON.stringify({ errors: undefined, data: result.data, extensions })}\n`;
        return { status: 200, headers: chosen.headers, body: { kind: 'complete', string } };
      });
    };
    // The statements of the operation are this request's figures (not those of finding the caller above).
    trace.stats = observation.stats;
    const response = answer();
    // An answer given at once had nothing to wait for; only one that waits is given the time limit.
    if (!isPromise(response)) return send(res, observation, response, language);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The work is not killed, only its answer abandoned: a mutation may still commit. Versions make a retry safe.
      refuse(
        res,
        observation,
        503,
        'TIMEOUT',
        `The request took longer than the limit of ${config.executionTimeoutMs} ms; its answer was abandoned (a change may still have been made: re-read before retrying)`,
      );
    }, config.executionTimeoutMs);
    return response.then(
      (response) => {
        clearTimeout(timer);
        return timedOut ? undefined : send(res, observation, response, language);
      },
      (error: unknown) => {
        clearTimeout(timer);
        throw error;
      },
    );
  };

  // Node checks its headers limit this often; the guard's idle limit comes after it, so Node answers 408 first.
  const receiveCheckMs = Math.min(1000, config.receiveTimeoutMs);
  const server = http.createServer(
    {
      // A request's headers, then its body (readGraphQLBody), have receiveTimeoutMs each; Node's own limit on the
      // whole request is the outer bound, for an ADMIN's import. Node checks both on this interval (30 s by default).
      headersTimeout: config.receiveTimeoutMs,
      requestTimeout: config.receiveTimeoutMs + Math.max(config.receiveTimeoutMs, config.importReceiveTimeoutMs),
      connectionsCheckingInterval: receiveCheckMs,
    },
    (req, res) => {
      try {
        serve(req, res);
      } catch (error) {
        // A throw here would otherwise end the process: the last line of defence for one request, not a way to answer.
        logger.error({ err: error }, 'request failed before it was routed');
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
        else res.end();
      }
    },
  );
  new ConnectionGuard(
    server,
    { maxConnections: config.maxConnections, maxPerAddress: config.maxConnectionsPerAddress, idleMs: config.receiveTimeoutMs + receiveCheckMs, sendMs: config.sendTimeoutMs },
    (reason) => metrics.connectionCut(reason),
  );

  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = requestTarget(req.url);
    const observation = observe(req, res, url?.pathname ?? '', GRAPHQL_PATH, logger, metrics);
    if (!url) {
      refuse(res, observation, 400, 'BAD_REQUEST', 'The request target is not a path this server can read');
      return;
    }
    const origin = req.headers.origin;
    if (origin && config.corsOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(origin && config.corsOrigins.includes(origin) ? 204 : 403);
      res.end();
      return;
    }
    const route = (): MaybePromise<void> => {
      if (url.pathname !== GRAPHQL_PATH) return routeOther();
      const wantsPage = req.method === 'GET' && !url.searchParams.has('query') && (req.headers.accept ?? '').includes('text/html');
      if (!wantsPage) return handleGraphQL(req, res, url, observation, trace, failed);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(idePage(GRAPHQL_PATH));
    };
    const routeOther = async () => {
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
      if (url.pathname === '/readyz') {
        // Ready means: the database answers and no migration is pending (a replica started before one ran is not).
        const checks = await Promise.all([
          dataSource.query('SELECT 1').then(() => 'ok', (e: Error) => `unreachable: ${e.message}`),
          dataSource.showMigrations().then((pending) => (pending ? 'pending migrations' : 'ok'), (e: Error) => `unknown: ${e.message}`),
        ]);
        const ready = checks.every((c) => c === 'ok');
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', database: checks[0], migrations: checks[1] });
        return;
      }
      if (url.pathname === '/metrics' && req.method === 'GET') {
        if (config.metricsToken && req.headers.authorization !== `Bearer ${config.metricsToken}`) {
          refuse(res, observation, 401, 'UNAUTHENTICATED', '/metrics needs the metrics token (REGISTRY_METRICS_TOKEN) as a Bearer token');
          return;
        }
        const { contentType, body } = await metrics.render();
        res.writeHead(200, { 'content-type': contentType });
        res.end(body);
        return;
      }
      // The web app (built into config.webDir) answers `/`, its assets and its page routes; without a build, the IDE.
      if (webApp.serve(req, res, url.pathname)) return;
      if (url.pathname === '/') {
        res.writeHead(302, { location: GRAPHQL_PATH });
        res.end();
        return;
      }
      refuse(res, observation, 404, 'NOT_FOUND', `Nothing at ${url.pathname}; the API is at ${GRAPHQL_PATH}`);
    };
    const trace: RequestTrace = { requestId: observation.requestId, stats: null };
    const failed = (error: unknown) => {
      // Clients learn nothing of it; operators must.
      traceRequest(trace, () => logger.error({ err: error }, 'request failed'));
      if (!res.headersSent) refuse(res, observation, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    };
    let routed: MaybePromise<void>;
    try {
      routed = traceRequest(trace, route);
    } catch (error) {
      failed(error);
      return;
    }
    if (isPromise(routed)) routed.catch(failed);
  };

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
      await services.analysis.stop();
      await limiter?.close();
      await stopRelay?.();
      await dataSource.destroy();
    },
  };
}
