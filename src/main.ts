import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './app/server';
import { createLogger } from './observability/logger';

/** `npm start` and `registry serve`: start the server and stop it cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const server = await startServer(config, { logger });
  const database = config.database.type === 'sqlite' ? config.database.file : `PostgreSQL${config.database.schema ? ` (schema ${config.database.schema})` : ''}`;
  logger.info({ url: server.url, database }, `Collaboration registry at ${server.url}; open it in a browser for the GraphQL IDE`);
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    server.stop().then(
      () => {
        logger.info('stopped');
        // Log lines are written asynchronously (src/observability/logger.ts): the last ones go out before the exit.
        logger.flush(() => process.exit(0));
      },
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        logger.flush(() => process.exit(1));
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
