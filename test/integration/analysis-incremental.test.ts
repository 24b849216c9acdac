import { mulberry32 } from '../../scripts/synthetic-registry';
import { loadAnalysisData, subjectDocument } from '../../src/modules/analysis/analysis.data';
import { OverlapEngine, OverlapPair } from '../../src/modules/analysis/overlap-engine';
import { SubjectResult } from '../../src/modules/analysis/subject-model';
import { devRegistry, startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ dev: true });
});
afterAll(() => server.close());

/** Seeded (mulberry32), so a failing sequence can be replayed. */
function random(seed: number) {
  const next = mulberry32(seed);
  return { next, pick: <T>(list: T[]): T => list[Math.floor(next() * list.length)]! };
}

const describePair = (p: OverlapPair) => `${p.a}-${p.b} ${p.score} t${p.topicId} u${[...p.sharedUnitIds].sort().join(',')} ${p.periodStart}..${p.periodEnd}`;

/** The pairs a from-scratch engine finds over the database as it is now, classifying with the live model. */
async function pairsFromScratch(): Promise<string[]> {
  const state = await server.services.analysis.current();
  const data = await loadAnalysisData(server.dataSource.manager);
  const subjects = new Map<number, SubjectResult>();
  for (const c of data.collaborations.values()) {
    const subject = state.model.classify(subjectDocument(data, c));
    if (subject) subjects.set(c.id, subject);
  }
  const engine = new OverlapEngine(data, state.model, subjects).build();
  return [...engine.pairs.values()].map(describePair).sort();
}

const livePairs = async () => [...(await server.services.analysis.current()).engine.pairs.values()].map(describePair).sort();

describe('the overlap analysis is maintained incrementally', () => {
  it('after a random sequence of creates, moves, updates and deletes: no full rebuild, and the same pairs as a build from scratch', async () => {
    const seed = Number(process.env.ANALYSIS_SEED ?? 20261124);
    const rnd = random(seed);
    const registry = devRegistry() as any;
    const existing: any[] = registry.collaborations;
    await server.services.analysis.current();
    const buildsBefore = server.services.analysis.lastBuild()!.builds;

    const created: { key: string; id: string; version: number }[] = [];
    const mutate = async (name: string, type: string, input: unknown) => {
      const res = await server.gql(`mutation($input: ${type}!) { ${name}(input: $input) { collaboration { id key version } userErrors { field code message } } }`, { input });
      expect(res.errors).toBeUndefined();
      return res.data[name];
    };
    let writes = 0;
    for (let step = 0; step < 60; step++) {
      const roll = rnd.next();
      if (roll < 0.5 || created.length < 3) {
        // A near copy of an existing collaboration on the same ground: the kind of record that makes overlaps.
        const model = rnd.pick(existing);
        const parent = created.length && rnd.next() < 0.3 ? rnd.pick(created).key : rnd.next() < 0.2 ? rnd.pick(existing).key : undefined;
        const input = {
          key: `inc-${seed}-${step}`,
          title: `${model.title} (${step})`,
          summary: model.summary,
          kind: model.kind,
          keywords: model.keywords ?? [],
          topics: model.topics ?? [],
          startDate: model.startDate,
          endDate: model.endDate,
          units: model.units.map((u: any) => ({ unit: u.unit, role: u.role })),
          ...(parent ? { parent } : {}),
        };
        const out = await mutate('collaborationCreate', 'CollaborationCreateInput', input);
        expect(out.userErrors).toEqual([]);
        created.push({ key: out.collaboration.key, id: out.collaboration.id, version: out.collaboration.version });
      } else if (roll < 0.7) {
        const target = rnd.pick(created);
        const others = created.filter((c) => c !== target);
        const parent = rnd.next() < 0.5 || !others.length ? null : rnd.pick(others).key;
        const out = await mutate('collaborationUpdate', 'CollaborationUpdateInput', { id: target.id, version: target.version, parent });
        // A move into its own subtree is refused as a cycle; that leaves the data, and the analysis, as they were.
        if (out.userErrors.length) expect(out.userErrors[0].code).toBe('CYCLE');
        else target.version = out.collaboration.version;
      } else if (roll < 0.85) {
        const target = rnd.pick(created);
        const model = rnd.pick(existing);
        const out = await mutate('collaborationUpdate', 'CollaborationUpdateInput', { id: target.id, version: target.version, title: model.title, summary: model.summary });
        expect(out.userErrors).toEqual([]);
        target.version = out.collaboration.version;
      } else {
        const target = rnd.pick(created);
        const res = await server.gql(`mutation($input: CollaborationDeleteInput!) { collaborationDelete(input: $input) { userErrors { code } } }`, { input: { id: target.id, version: target.version } });
        const errors = res.data.collaborationDelete.userErrors;
        // Refused while sub-collaborations point at it.
        if (errors.length) expect(errors[0].code).toBe('IN_USE');
        else created.splice(created.indexOf(target), 1);
      }
      writes += 1;
      // Read after some writes, as coordinators do, so updates are applied in batches of varied size.
      if (rnd.next() < 0.3) await server.services.analysis.overlaps();
    }

    expect(writes).toBe(60);
    expect(await livePairs()).toEqual(await pairsFromScratch());
    expect(server.services.analysis.lastBuild()!.builds).toBe(buildsBefore);
    expect(created.length).toBeGreaterThan(10);
  });

  it('a new collaboration is in its own overlaps right after it is created, without rebuilding', async () => {
    const model = (devRegistry() as any).collaborations[0];
    const builds = server.services.analysis.lastBuild()!.builds;
    const started = performance.now();
    const res = await server.gql(
      `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { key overlaps { a { key } b { key } } } userErrors { code } } }`,
      { input: { key: 'inc-copy', title: model.title, summary: model.summary, kind: model.kind, keywords: model.keywords ?? [], topics: model.topics ?? [], startDate: model.startDate, endDate: model.endDate, units: model.units } },
    );
    const elapsed = performance.now() - started;
    expect(res.data.collaborationCreate.userErrors).toEqual([]);
    const partners = res.data.collaborationCreate.collaboration.overlaps.flatMap((o: any) => [o.a.key, o.b.key]);
    expect(partners).toContain(model.key);
    expect(server.services.analysis.lastBuild()!.builds).toBe(builds);
    // Generous for a loaded CI machine; the point is that no full build (seconds at scale) ran.
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('an agreement change reaches the gaps without rebuilding the overlaps', () => {
  it('shortening an agreement makes its collaborations AGREEMENT_EXPIRED at once', async () => {
    const page = await server.gql(`{ collaborations(first: 100, filter: { activeOn: "2026-01-01" }) { nodes { key startDate gaps { codes } agreement { id key version validFrom validTo } } } }`);
    expect(page.errors).toBeUndefined();
    const target = page.data.collaborations.nodes.find(
      (c: any) => c.agreement && c.startDate && !c.gaps.codes.includes('AGREEMENT_EXPIRED') && (!c.agreement.validFrom || c.agreement.validFrom < c.startDate),
    );
    expect(target).toBeDefined();
    const builds = server.services.analysis.lastBuild()!.builds;
    const res = await server.gql(`mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { userErrors { field code message } } }`, {
      input: { id: target.agreement.id, version: target.agreement.version, validTo: target.startDate },
    });
    expect(res.data.agreementUpdate.userErrors).toEqual([]);
    const after = await server.gql(`query($key: String!) { collaboration(key: $key) { gaps { codes } } }`, { key: target.key });
    expect(after.data.collaboration.gaps.codes).toContain('AGREEMENT_EXPIRED');
    expect(server.services.analysis.lastBuild()!.builds).toBe(builds);
  });
});

describe('a unit change updates only the collaborations at or below it', () => {
  it('renaming and moving units: no full rebuild, and the same pairs as a build from scratch', async () => {
    const page = await server.gql(`{ units(first: 100) { nodes { id key version name sector parent { key } collaborations(first: 1) { totalCount } } } }`);
    expect(page.errors).toBeUndefined();
    const units = page.data.units.nodes;
    const busy = units.filter((u: any) => u.sector === 'MUNICIPAL' && u.parent && u.collaborations.totalCount > 0);
    expect(busy.length).toBeGreaterThan(2);
    const builds = server.services.analysis.lastBuild()!.builds;
    const before = await livePairs();

    const update = async (input: Record<string, unknown>) => {
      const res = await server.gql(`mutation($input: UnitUpdateInput!) { unitUpdate(input: $input) { unit { version } userErrors { field code message } } }`, { input });
      expect(res.data.unitUpdate.userErrors).toEqual([]);
    };
    // A new name is new text for every collaboration below the unit.
    await update({ id: busy[0].id, version: busy[0].version, name: `${busy[0].name} demens språk` });
    // Moved under another municipal unit: its collaborations' ground changes.
    const target = units.find((u: any) => u.sector === 'MUNICIPAL' && u.key !== busy[1].key && u.key !== busy[1].parent.key);
    await update({ id: busy[1].id, version: busy[1].version, parent: target.key });
    // Out of the municipal sector: its collaborations no longer share ground through it.
    await update({ id: busy[2].id, version: busy[2].version, sector: 'OTHER' });

    const after = await livePairs();
    expect(after).toEqual(await pairsFromScratch());
    expect(after).not.toEqual(before);
    expect(server.services.analysis.lastBuild()!.builds).toBe(builds);
  });
});

describe('full rebuilds run in the background', () => {
  it('reads keep the last complete analysis while a rebuild runs; changes made meanwhile reach the new one; analysisStatus tells', async () => {
    const analysis = server.services.analysis;
    await analysis.settled();
    const status = async () => (await server.gqlAs(null, `{ analysisStatus { builtAt collaborations pairs rebuilding modelVersion } }`)).data.analysisStatus;
    const before = await status();
    expect(before).toMatchObject({ rebuilding: false, modelVersion: analysis.lastBuild()!.builds, pairs: (await livePairs()).length });
    expect(Date.parse(before.builtAt)).toBeLessThanOrEqual(Date.now());

    // A topic change retrains the model: a full rebuild.
    const topic = (await server.gql(`{ topics(first: 1) { nodes { id version label } } }`)).data.topics.nodes[0];
    const renamed = await server.gql(`mutation($input: TopicUpdateInput!) { topicUpdate(input: $input) { userErrors { code } } }`, {
      input: { id: topic.id, version: topic.version, label: `${topic.label} og mer` },
    });
    expect(renamed.data.topicUpdate.userErrors).toEqual([]);
    const oldPairs = await analysis.overlaps();
    expect(analysis.status().rebuilding).toBe(true);
    expect(oldPairs.length).toBeGreaterThan(0);

    // Written while the rebuild runs: the rebuild may have read the data before it.
    const model = (devRegistry() as any).collaborations[1];
    const created = await server.gql(`mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { userErrors { code } } }`, {
      input: { key: 'during-rebuild', title: model.title, summary: model.summary, kind: model.kind, keywords: model.keywords ?? [], topics: model.topics ?? [], startDate: model.startDate, endDate: model.endDate, units: model.units },
    });
    expect(created.data.collaborationCreate.userErrors).toEqual([]);

    await analysis.settled();
    const after = await status();
    expect(after.rebuilding).toBe(false);
    expect(after.modelVersion).toBe(before.modelVersion + 1);
    expect(Date.parse(after.builtAt)).toBeGreaterThan(Date.parse(before.builtAt));
    const own = await server.gql(`{ collaboration(key: "during-rebuild") { overlaps { a { key } b { key } } } }`);
    expect(own.data.collaboration.overlaps.flatMap((o: any) => [o.a.key, o.b.key])).toContain(model.key);
    expect(await livePairs()).toEqual(await pairsFromScratch());
  });
});
