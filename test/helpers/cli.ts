import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const BIN = path.join(__dirname, '..', '..', 'bin', 'registry.js');

/** The backup key the tests' operator keeps (REGISTRY_BACKUP_KEY). */
export const TEST_BACKUP_KEY = 'test-backup-key-0123456789abcdef0123456789abcdef';

/** The `registry` command as a user runs it (the built package: `npm ci` builds it through `prepare`). */
export function registry(args: string[], databaseUrl: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, REGISTRY_BACKUP_KEY: TEST_BACKUP_KEY, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}
