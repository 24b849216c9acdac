import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './http/server';

/** `npm start` and `registry serve`: start the server and stop it cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const where = config.database.type === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`Collaboration registry at ${server.url} (database: ${where}); open it in a browser for the GraphQL IDE`);
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
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
