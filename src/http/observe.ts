import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { Logger, writeLine } from '../observability/logger';
import { StatementStats } from '../observability/request-trace';
import { Metrics, RequestRecord } from '../observability/metrics';

/** What is known about one request while it is served; logged and counted once its response has gone. */
export interface Observation {
  requestId: string;
  route: string;
  startedAt: number;
  stats: StatementStats;
  actor?: string;
  /** Set once the caller is known: whether it sent no token. */
  anonymous?: boolean;
  operation?: { name: string; type: string };
  errorCodes: string[];
  userErrorCodes: string[];
}

export interface ObservedContext extends BaseContext {
  observation: Observation;
}

/** A caller's own request id is kept (so its logs and ours join up) when it is a sane token; otherwise a new one. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

function routeOf(pathname: string, graphqlPath: string): string {
  if (pathname === graphqlPath) return 'graphql';
  if (pathname.startsWith('/ide/')) return 'ide';
  if (['/healthz', '/readyz', '/metrics'].includes(pathname)) return pathname.slice(1);
  return 'other';
}

/**
 * Starts observing a request: gives it an id (echoed in `x-request-id`) and, when the response has been sent,
 * writes one log line and records its metrics. Probes and static files log at debug level, GraphQL at info.
 */
export function observe(req: http.IncomingMessage, res: http.ServerResponse, pathname: string, graphqlPath: string, logger: Logger, metrics: Metrics): Observation {
  const observation: Observation = {
    requestId: requestIdOf(req),
    route: routeOf(pathname, graphqlPath),
    startedAt: performance.now(),
    stats: { sqlStatements: 0 },
    errorCodes: [],
    userErrorCodes: [],
  };
  res.setHeader('x-request-id', observation.requestId);
  res.once('close', () => {
    const durationSeconds = (performance.now() - observation.startedAt) / 1000;
    const status = res.writableFinished ? res.statusCode : 499;
    recordSafely(logger, metrics, {
      route: observation.route,
      method: req.method ?? 'GET',
      status,
      durationSeconds,
      operation: observation.operation,
      anonymous: observation.anonymous ?? true,
      errorCodes: observation.errorCodes,
      userErrorCodes: observation.userErrorCodes,
      sqlStatements: observation.stats.sqlStatements,
    });
    const level = observation.route === 'graphql' || status >= 500 ? 'info' : 'debug';
    if (!logger.isLevelEnabled(level)) return;
    // The request's id is part of the line itself: the close event may come outside the request's trace.
    const line = {
      requestId: observation.requestId,
      method: req.method,
      path: pathname,
      status,
      durationMs: Math.round(durationSeconds * 100_000) / 100,
      ...(observation.actor ? { actor: observation.actor } : {}),
      ...(observation.operation ? { operation: observation.operation.name, operationType: observation.operation.type } : {}),
      ...(observation.route === 'graphql' ? { sqlStatements: observation.stats.sqlStatements } : {}),
      ...(observation.errorCodes.length ? { errors: observation.errorCodes } : {}),
      ...(observation.userErrorCodes.length ? { userErrors: observation.userErrorCodes } : {}),
    };
    writeLine(logger, level, line, 'request');
  });
  return observation;
}

/**
 * Records a request's metrics. It runs in the response's 'close' event, where a throw would end the process: a
 * mistake in the figures is logged instead.
 */
function recordSafely(logger: Logger, metrics: Metrics, record: RequestRecord): void {
  try {
    metrics.record(record);
  } catch (error) {
    logger.error({ err: error }, 'metrics of a request could not be recorded');
  }
}

/** The operation a request runs, once it is resolved. */
export function observeOperation(observation: Observation, operationName: string | null, operation: OperationDefinitionNode): void {
  observation.operation = { name: operationName ?? '(anonymous)', type: operation.operation };
}

/** The error codes the client is sent (after formatting, so the codes are public ones), and a mutation's user errors. */
export function observeResult(observation: Observation, { errors, data }: Pick<FormattedExecutionResult, 'errors' | 'data'>): void {
  for (const error of errors ?? []) observation.errorCodes.push(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  if (observation.operation?.type !== 'mutation' || !data) return;
  for (const payload of Object.values(data)) {
    const userErrors = (payload as { userErrors?: { code?: unknown }[] } | null)?.userErrors;
    if (Array.isArray(userErrors)) for (const e of userErrors) observation.userErrorCodes.push(String(e.code));
  }
}

/** Fills in the operation and the error codes of requests Apollo answers. */
export const observationPlugin: ApolloServerPlugin<ObservedContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operationName, operation }) {
        if (operation) observeOperation(contextValue.observation, operationName, operation);
      },
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind === 'single') observeResult(contextValue.observation, response.body.singleResult);
      },
    };
  },
};
