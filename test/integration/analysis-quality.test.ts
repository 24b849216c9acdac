import fs from 'node:fs';
import { DEV_LABELS, startTestServer, TestServer } from '../helpers/server';

type Labels = {
  overlaps: [string, string][];
  gaps: Record<string, string[]>;
  whoWorksWith: { unit: string; topic: string; collaborations: string[]; people: string[] }[];
};
const labels: Labels = JSON.parse(fs.readFileSync(DEV_LABELS, 'utf8'));

let server: TestServer;
let keyOf: Map<number, string>;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
  const rows: { id: number; key: string }[] = await server.dataSource.query('SELECT id, key FROM collaboration');
  keyOf = new Map(rows.map((r) => [r.id, r.key]));
});
afterAll(() => server.close());

const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('quality on the dev registry (fails below the bar)', () => {
  it('flags overlaps with precision and recall of at least 0.95 at the default threshold', async () => {
    const found = new Set((await server.services.analysis.overlaps()).map((o) => pair(keyOf.get(o.a)!, keyOf.get(o.b)!)));
    const expected = new Set(labels.overlaps.map(([a, b]) => pair(a, b)));
    const truePositives = [...found].filter((p) => expected.has(p)).length;
    const precision = truePositives / found.size;
    const recall = truePositives / expected.size;
    console.log(`overlaps: ${found.size} flagged, ${expected.size} expected, precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds exactly the labelled coordination gaps', async () => {
    const entries = await server.services.analysis.gaps();
    for (const [code, keys] of Object.entries(labels.gaps)) {
      const got = entries.filter((e) => e.gaps.some((g) => g.code === code)).map((e) => keyOf.get(e.collaborationId)!);
      expect(got.sort()).toEqual([...keys].sort());
    }
  });

  it('answers who works with X on Y with people recall >= 0.95 and precision >= 0.9', async () => {
    let expectedPeople = 0;
    let foundExpected = 0;
    let returned = 0;
    const personKey = new Map<number, string>(
      (await server.dataSource.query('SELECT id, key FROM person')).map((r: { id: number; key: string }) => [r.id, r.key]),
    );
    for (const q of labels.whoWorksWith) {
      const answer = await server.services.analysis.whoWorksWith(q.unit, q.topic, null, 500);
      const people = new Set(answer.people.map((p) => personKey.get(p.personId)!));
      expectedPeople += q.people.length;
      foundExpected += q.people.filter((p) => people.has(p)).length;
      returned += people.size;
    }
    const recall = foundExpected / expectedPeople;
    const precision = foundExpected / returned;
    console.log(`whoWorksWith: recall ${recall.toFixed(4)}, precision ${precision.toFixed(4)} over ${labels.whoWorksWith.length} questions`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });
});
