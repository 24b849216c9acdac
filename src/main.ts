import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './app/server';
import { tuneHeapForServing } from './app/heap';
import { abandonLogLines, createLogger } from './observability/logger';

/** How long a stopped server waits for stdout to take its last log lines. */
const LOG_FLUSH_LIMIT_MS = 3000;

/** `npm start` and `registry serve`: start the server and stop it cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  tuneHeapForServing();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  const database = config.database.type === 'sqlite' ? config.database.file : `PostgreSQL${config.database.schema ? ` (schema ${config.database.schema})` : ''}`;
  logger.info({ url: server.url, database }, `Collaboration registry at ${server.url}; open it in a browser for the GraphQL IDE`);
  // Log lines are written asynchronously (src/observability/logger.ts): the last ones go out before the exit, unless
  // whatever reads stdout has stopped reading.
  const exitOnceLogged = (code: number) => {
    const giveUp = () => {
      abandonLogLines(logger);
      process.exit(code);
    };
    setTimeout(giveUp, LOG_FLUSH_LIMIT_MS);
    logger.flush((error) => (error ? giveUp() : process.exit(code)));
  };
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    server.stop().then(
      () => {
        logger.info('stopped');
        exitOnceLogged(0);
      },
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        exitOnceLogged(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
