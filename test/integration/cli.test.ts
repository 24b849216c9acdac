import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { registry } from '../helpers/cli';
import { DEV_LABELS, DEV_REGISTRY, dropTestDatabases, testDatabaseUrl } from '../helpers/server';

describe('registry command', () => {
  let dir: string;
  let url: string;
  const used: string[] = [];
  const database = (name: string) => {
    const u = testDatabaseUrl(dir, name);
    used.push(u);
    return u;
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-cli-'));
    url = database('r');
  });
  afterAll(async () => {
    await dropTestDatabases(used);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, imports, exports and re-imports to the same registry', async () => {
    // Each database has its own migrations (PostgreSQL's start from the current entities).
    expect((await registry(['migrate'], url)).stdout).toMatch(/^applied: Init1763900000000, CollaborationSearch1763900000001/);
    expect((await registry(['migrate'], url)).stdout).toContain('database is up to date');
    const imported = await registry(['import', DEV_REGISTRY], url);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('created: 26 topics, 293 units, 1517 people, 58 agreements, 2000 collaborations');
    const out = path.join(dir, 'export.json');
    expect((await registry(['export', out], url)).code).toBe(0);
    const copy = database('copy');
    expect((await registry(['import', out], copy)).code).toBe(0);
    const again = path.join(dir, 'again.json');
    await registry(['export', again], copy);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
  });

  it('prints import errors naming record and field, exits 1, and writes nothing', async () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'collaboration-registry', version: 1, units: [{ key: 'x', name: 'X', kind: 'MUNICIPALITY', parent: 'nope' }] }));
    const empty = database('empty');
    const res = await registry(['import', bad], empty);
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('units[0] (x).parent: unknown unit "nope"');
    const exported = await registry(['export', '-'], empty);
    expect(JSON.parse(exported.stdout).units).toEqual([]);
    const notJson = path.join(dir, 'broken.json');
    fs.writeFileSync(notJson, '{');
    expect((await registry(['import', notJson], empty)).stderr).toContain('is not valid JSON');
  });

  it('reports overlaps, clusters and gaps as csv, json or a table, with the API\'s content', async () => {
    const labels = JSON.parse(fs.readFileSync(DEV_LABELS, 'utf8')) as { overlaps: string[][]; gaps: Record<string, string[]> };
    const overlaps = JSON.parse((await registry(['report', 'overlaps', '--format', 'json'], url)).stdout) as Record<string, string>[];
    expect(overlaps).toHaveLength(labels.overlaps.length);
    expect(overlaps[0]).toEqual(expect.objectContaining({ a: expect.any(String), b: expect.any(String), reasons: expect.stringContaining('Both run') }));
    const gapsCsv = (await registry(['report', 'gaps', '--format', 'csv'], url)).stdout.trim().split('\n');
    expect(gapsCsv[0]).toBe('collaboration,title,codes,messages');
    expect(gapsCsv).toHaveLength(1 + new Set(Object.values(labels.gaps).flat()).size);
    const scoped = JSON.parse((await registry(['report', 'overlaps', '--unit', 'bydel-alna', '--topic', 'demens', '--format', 'json'], url)).stdout);
    expect(scoped.length).toBeLessThan(overlaps.length);
    const table = (await registry(['report', 'clusters', '--format', 'table'], url)).stdout;
    expect(table.split('\n')[0]).toMatch(/^cluster\s+size\s+score/);
    expect(table).toMatch(/\d+ rows\n$/);
    const bad = await registry(['report', 'gaps', '--format', 'xml'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('--format: must be csv, json or table');
  });

  it('writes the reports\' explanations in Norwegian with --language nb, and refuses a language it does not write', async () => {
    const overlaps = JSON.parse((await registry(['report', 'overlaps', '--format', 'json', '--language', 'nb'], url)).stdout) as Record<string, string>[];
    expect(overlaps[0]!.reasons).toMatch(/Begge tekstene handler om «[^»]+».* (Periodene overlapper|Begge har åpne perioder)/);
    const gaps = JSON.parse((await registry(['report', 'gaps', '--format', 'json', '--language', 'nb'], url)).stdout) as Record<string, string>[];
    expect(gaps.some((g) => g.messages!.includes('Ingen deltar som prosjektleder eller kontaktperson.'))).toBe(true);
    expect(gaps.every((g) => !/Nobody|No academic|No municipal|Neither/.test(g.messages!))).toBe(true);
    const bad = await registry(['report', 'gaps', '--language', 'sv'], url);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('--language: must be en or nb (no and nn give nb)');
    const nynorsk = JSON.parse((await registry(['report', 'gaps', '--format', 'json', '--language', 'NN'], url)).stdout) as Record<string, string>[];
    expect(nynorsk).toEqual(gaps);
  });

  it('loads the seeds and explains its usage', async () => {
    const seeded = database('seeded');
    const res = await registry(['seed'], seeded);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/created: \d+ topics, \d+ units/);
    const usage = await registry(['frobnicate'], seeded);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('unknown command "frobnicate"');
  });
});
