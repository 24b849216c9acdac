import fs from 'node:fs';
import path from 'node:path';
import { WEB_APP_OPERATIONS } from '../../src/app/web-app-operations';

const WEB_SOURCE = path.join(__dirname, '..', '..', 'web', 'src');

/** The web app's own source files (not the documents codegen writes from them). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("the web app's operations, named in /metrics from the start", () => {
  it('are exactly the operations its source sends (its documents and the one it builds)', () => {
    const names = new Set(
      sourceFiles(WEB_SOURCE).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/[`\s](?:query|mutation) ([A-Za-z_]\w*)\s*[({]/g)].map((m) => m[1]!)),
    );
    expect(names.size).toBeGreaterThan(5);
    expect([...WEB_APP_OPERATIONS].sort()).toEqual([...names].sort());
  });
});
