import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const script = path.join(root, 'scripts/check-lockfile.js');

function check(lockFile: string) {
  const result = spawnSync(process.execPath, [script, lockFile], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('package-lock.json check (run by .ci/run before npm ci)', () => {
  it('accepts the committed lock file: every entry has a version and an integrity hash', () => {
    const { status, output } = check(path.join(root, 'package-lock.json'));
    expect(output).toMatch(/each with a version and an integrity hash/);
    expect(status).toBe(0);
  });

  it('fails and names an entry that lost its version', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const victim = Object.keys(lock.packages).find((key) => key.endsWith('node_modules/better-sqlite3'))!;
    delete lock.packages[victim].version;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lock-')), 'package-lock.json');
    fs.writeFileSync(file, JSON.stringify(lock));
    const { status, output } = check(file);
    expect(status).toBe(1);
    expect(output).toContain(`${victim}: no "version"`);
    expect(output).toContain('1 broken entry');
  });

  it('approves the install script of the native SQLite module, and only the scripts the project needs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.allowScripts).toEqual({ 'better-sqlite3': true, '@apollo/protobufjs': false, '@parcel/watcher': false });
    expect(pkg.engines).toEqual({ node: '>=20.19.0', npm: '>=11.19.0' });
  });
});
