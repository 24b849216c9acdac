import { mulberry32 } from '../../scripts/synthetic-registry';
import { generationsPresent, loadModel, readState, tablesOf } from '../../src/modules/analysis/analysis.store';
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

/** Every row the current analysis holds, without its generation number: pairs, subjects and gap inputs, and the ground index. */
async function analysisRows(): Promise<{ pairs: string[]; collaborations: string[]; ground: string[] }> {
  const tables = tablesOf((await readState(server.dataSource.manager)).generation);
  const rows = async (table: string, columns: string) =>
    ((await server.dataSource.query(`SELECT ${columns} FROM ${table}`)) as Record<string, unknown>[])
      .map((r) => JSON.stringify(Object.values(r).map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v))))
      .sort();
  return {
    pairs: await rows(tables.pairs, 'a_id, b_id, topic_id, score, rank, shared_unit_ids, shared_topic_ids, period_start, period_end'),
    collaborations: await rows(tables.collaborations, 'collaboration_id, topic_id, confidence, parent_id, gap_eligible, agreement_id, missing_sector, no_contact'),
    ground: await rows(tables.ground, 'topic_id, unit_id, collaboration_id, own'),
  };
}

/** The rows a full rebuild writes for the registry as it is now, classifying with the current model (no retraining). */
async function rowsFromScratch(): Promise<Awaited<ReturnType<typeof analysisRows>>> {
  const { generation } = await readState(server.dataSource.manager);
  const model = (await loadModel(server.dataSource.manager, generation))!;
  expect(await server.services.analysis.rebuild({ model })).toBe(true);
  return analysisRows();
}

const builds = async () => (await server.services.analysis.figures())?.builds ?? 0;

describe('the overlap analysis is maintained in every write', () => {
  it('after a random sequence of 200 writes of every kind: no full rebuild, and exactly the rows of a rebuild from scratch', async () => {
    const seed = Number(process.env.ANALYSIS_SEED ?? 20261203);
    const rnd = random(seed);
    const registry = devRegistry() as any;
    const existing: any[] = registry.collaborations;
    const people: string[] = registry.people.map((p: any) => p.key);
    const topics: string[] = registry.topics.map((t: any) => t.key);
    const municipal = (await server.gql(`{ units(first: 100, filter: { sector: MUNICIPAL }) { nodes { id key version name parent { key } } } }`)).data.units.nodes;
    const buildsBefore = await builds();

    const created: { key: string; id: string; version: number }[] = [];
    const deleted: string[] = [];
    const mutate = async (name: string, type: string, input: unknown, select = 'collaboration { id key version }') => {
      const res = await server.gql(`mutation($input: ${type}!) { ${name}(input: $input) { ${select} userErrors { field code message } } }`, { input });
      expect(res.errors).toBeUndefined();
      return res.data[name];
    };
    const kinds = new Map<string, number>();
    for (let step = 0; step < 200; step++) {
      const roll = rnd.next();
      const kind =
        roll < 0.35 || created.length < 3 ? 'create' : roll < 0.45 ? 'move' : roll < 0.55 ? 'edit' : roll < 0.63 ? 'delete' : roll < 0.68 ? 'restore'
        : roll < 0.76 ? 'person' : roll < 0.84 ? 'topic' : roll < 0.9 ? 'unit-of' : 'unit';
      const target = rnd.pick(created);
      if (kind === 'create') {
        // A near copy of an existing collaboration on the same ground: the kind of record that makes overlaps.
        const model = rnd.pick(existing);
        const parent = created.length && rnd.next() < 0.3 ? rnd.pick(created).key : rnd.next() < 0.2 ? rnd.pick(existing).key : undefined;
        const out = await mutate('collaborationCreate', 'CollaborationCreateInput', {
          key: `inc-${seed}-${step}`, title: `${model.title} (${step})`, summary: model.summary, kind: model.kind, keywords: model.keywords ?? [],
          topics: model.topics ?? [], startDate: model.startDate, endDate: model.endDate, units: model.units.map((u: any) => ({ unit: u.unit, role: u.role })),
          ...(rnd.next() < 0.3 ? { people: [{ person: rnd.pick(people), role: 'PROJECT_LEADER' }] } : {}),
          ...(parent ? { parent } : {}),
          ...(rnd.next() < 0.3 ? { agreement: rnd.pick(registry.agreements as any[]).key } : {}),
        });
        expect(out.userErrors).toEqual([]);
        created.push({ key: out.collaboration.key, id: out.collaboration.id, version: out.collaboration.version });
      } else if (kind === 'move') {
        const others = created.filter((c) => c !== target);
        const parent = rnd.next() < 0.5 || !others.length ? null : rnd.pick(others).key;
        const out = await mutate('collaborationUpdate', 'CollaborationUpdateInput', { id: target.id, version: target.version, parent });
        // A move into its own subtree is refused as a cycle; that leaves the data, and the analysis, as they were.
        if (out.userErrors.length) expect(out.userErrors[0].code).toBe('CYCLE');
        else target.version = out.collaboration.version;
      } else if (kind === 'edit') {
        const model = rnd.pick(existing);
        const out = await mutate('collaborationUpdate', 'CollaborationUpdateInput', {
          id: target.id, version: target.version, title: model.title, summary: model.summary, status: rnd.pick(['ACTIVE', 'PLANNED', 'COMPLETED', 'CANCELLED']),
          ...(rnd.next() < 0.5 ? { startDate: model.startDate ?? null, endDate: model.endDate ?? null } : {}),
        });
        expect(out.userErrors).toEqual([]);
        target.version = out.collaboration.version;
      } else if (kind === 'delete') {
        const res = await server.gql(`mutation($input: CollaborationDeleteInput!) { collaborationDelete(input: $input) { userErrors { code } } }`, { input: { id: target.id, version: target.version } });
        const errors = res.data.collaborationDelete.userErrors;
        // Refused while sub-collaborations point at it.
        if (errors.length) expect(errors[0].code).toBe('IN_USE');
        else {
          created.splice(created.indexOf(target), 1);
          deleted.push(target.id);
        }
      } else if (kind === 'restore') {
        if (!deleted.length) continue;
        const id = deleted.pop()!;
        const out = await mutate('recordRestore', 'RecordRestoreInput', { id }, 'record { ... on Collaboration { id key version } }');
        if (!out.userErrors.length) created.push({ key: out.record.key, id: out.record.id, version: out.record.version });
      } else if (kind === 'person') {
        const out = await mutate('collaborationPersonAdd', 'CollaborationPersonAddInput', { id: target.id, version: target.version, person: rnd.pick(people), role: rnd.pick(['CONTACT', 'RESEARCHER']) });
        if (!out.userErrors.length) target.version = out.collaboration.version;
      } else if (kind === 'topic') {
        const out = await mutate('collaborationTopicAdd', 'CollaborationTopicAddInput', { id: target.id, version: target.version, topic: rnd.pick(topics) });
        if (!out.userErrors.length) target.version = out.collaboration.version;
      } else if (kind === 'unit-of') {
        const out = await mutate('collaborationUnitAdd', 'CollaborationUnitAddInput', { id: target.id, version: target.version, unit: rnd.pick(municipal as any[]).key, role: 'PARTNER' });
        if (!out.userErrors.length) target.version = out.collaboration.version;
      } else {
        // A unit renamed (new text for everything below it) or moved under another municipal unit.
        const unit = rnd.pick(municipal as any[]);
        const input = rnd.next() < 0.5 ? { name: `${unit.name} ${step}` } : { parent: rnd.pick((municipal as any[]).filter((u) => u.key !== unit.key && u.parent)).parent.key };
        const out = await mutate('unitUpdate', 'UnitUpdateInput', { id: unit.id, version: unit.version, ...input }, 'unit { version name parent { key } }');
        if (out.userErrors.length) expect(['CYCLE', 'INVALID']).toContain(out.userErrors[0].code);
        else Object.assign(unit, out.unit);
      }
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      // Read now and then, as coordinators do.
      if (rnd.next() < 0.2) expect((await server.gql(`{ overlapReport(first: 5) { totalCount } }`)).errors).toBeUndefined();
    }

    expect(created.length).toBeGreaterThan(20);
    expect([...kinds.keys()].sort()).toEqual(['create', 'delete', 'edit', 'move', 'person', 'restore', 'topic', 'unit', 'unit-of'].sort());
    expect(await builds()).toBe(buildsBefore);
    const incremental = await analysisRows();
    const status = await server.services.analysis.status();
    expect(status.pairs).toBe(incremental.pairs.length);
    expect(status.collaborations).toBe(incremental.collaborations.length);
    const scratch = await rowsFromScratch();
    expect(incremental.pairs).toEqual(scratch.pairs);
    expect(incremental.collaborations).toEqual(scratch.collaborations);
    expect(incremental.ground).toEqual(scratch.ground);
    expect(incremental.pairs.length).toBeGreaterThan(800);
  });

  it('a new collaboration is in its own overlaps right after it is created, without rebuilding', async () => {
    const model = (devRegistry() as any).collaborations[0];
    const before = await builds();
    const started = performance.now();
    const res = await server.gql(
      `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { key overlaps { a { key } b { key } } } userErrors { code } } }`,
      { input: { key: 'inc-copy', title: model.title, summary: model.summary, kind: model.kind, keywords: model.keywords ?? [], topics: model.topics ?? [], startDate: model.startDate, endDate: model.endDate, units: model.units } },
    );
    const elapsed = performance.now() - started;
    expect(res.data.collaborationCreate.userErrors).toEqual([]);
    const partners = res.data.collaborationCreate.collaboration.overlaps.flatMap((o: any) => [o.a.key, o.b.key]);
    expect(partners).toContain(model.key);
    expect(await builds()).toBe(before);
    // Generous for a loaded CI machine; the point is that no full build (seconds at scale) ran.
    expect(elapsed).toBeLessThan(2000);
  });

  it('a write that fails leaves the analysis exactly as it was', async () => {
    const before = await analysisRows();
    const model = (devRegistry() as any).collaborations[0];
    const res = await server.gql(`mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { userErrors { field code } } }`, {
      input: { key: 'inc-bad', title: model.title, kind: model.kind, units: [...model.units, { unit: 'no-such-unit', role: 'PARTNER' }] },
    });
    expect(res.data.collaborationCreate.userErrors[0].code).toBe('UNKNOWN_REFERENCE');
    expect(await analysisRows()).toEqual(before);
  });
});

describe('an agreement change reaches the gaps without touching the overlaps', () => {
  it('shortening an agreement makes its collaborations AGREEMENT_EXPIRED at once', async () => {
    const page = await server.gql(`{ collaborations(first: 100, filter: { activeOn: "2026-01-01" }) { nodes { key startDate gaps { codes } agreement { id key version validFrom validTo } } } }`);
    expect(page.errors).toBeUndefined();
    const target = page.data.collaborations.nodes.find(
      (c: any) => c.agreement && c.startDate && !c.gaps.codes.includes('AGREEMENT_EXPIRED') && (!c.agreement.validFrom || c.agreement.validFrom < c.startDate),
    );
    expect(target).toBeDefined();
    const before = await builds();
    const { revision } = await readState(server.dataSource.manager);
    const res = await server.gql(`mutation($input: AgreementUpdateInput!) { agreementUpdate(input: $input) { userErrors { field code message } } }`, {
      input: { id: target.agreement.id, version: target.agreement.version, validTo: target.startDate },
    });
    expect(res.data.agreementUpdate.userErrors).toEqual([]);
    const after = await server.gql(`query($key: String!) { collaboration(key: $key) { gaps { codes } } }`, { key: target.key });
    expect(after.data.collaboration.gaps.codes).toContain('AGREEMENT_EXPIRED');
    expect(await builds()).toBe(before);
    // Gaps read the agreement's dates when asked: no row of the analysis changed.
    expect((await readState(server.dataSource.manager)).revision).toBe(revision);
  });
});

describe('a unit change updates only the collaborations at or below it', () => {
  it('renaming, moving and re-sectoring units: no full rebuild, the same rows as a rebuild from scratch', async () => {
    const page = await server.gql(`{ units(first: 100) { nodes { id key version name sector parent { key } collaborations(first: 1) { totalCount } } } }`);
    expect(page.errors).toBeUndefined();
    const units = page.data.units.nodes;
    const busy = units.filter((u: any) => u.sector === 'MUNICIPAL' && u.parent && u.collaborations.totalCount > 0);
    expect(busy.length).toBeGreaterThan(2);
    const before = await builds();
    const rowsBefore = await analysisRows();

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

    const after = await analysisRows();
    expect(after.pairs).not.toEqual(rowsBefore.pairs);
    expect(await builds()).toBe(before);
    expect(after).toEqual(await rowsFromScratch());
  });
});

describe('full rebuilds run in the background', () => {
  it('reads keep the last complete analysis while a rebuild runs; changes made meanwhile reach the new one; analysisStatus tells', async () => {
    const analysis = server.services.analysis;
    await analysis.settled();
    const status = async () => (await server.gqlAs(null, `{ analysisStatus { builtAt collaborations pairs rebuilding modelVersion } }`)).data.analysisStatus;
    const before = await status();
    expect(before).toMatchObject({ rebuilding: false, pairs: (await analysisRows()).pairs.length });
    expect(Date.parse(before.builtAt)).toBeLessThanOrEqual(Date.now());
    const report = `{ overlapReport(first: 100) { totalCount nodes { a { key } b { key } score } } }`;
    const oldReport = (await server.gql(report)).data.overlapReport;
    expect(oldReport.totalCount).toBeGreaterThan(0);

    const model = (devRegistry() as any).collaborations[1];
    let during: { report: unknown; status: any } | null = null;
    // Paused once the rebuild has read and paired the registry: what happens now, it did not see.
    const rebuilt = analysis.rebuild({
      progress: async (p) => {
        if (p.phase !== 'pair' || during) return;
        during = { report: (await server.gql(report)).data.overlapReport, status: await status() };
        const created = await server.gql(`mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { userErrors { code } } }`, {
          input: { key: 'during-rebuild', title: model.title, summary: model.summary, kind: model.kind, keywords: model.keywords ?? [], topics: model.topics ?? [], startDate: model.startDate, endDate: model.endDate, units: model.units },
        });
        expect(created.data.collaborationCreate.userErrors).toEqual([]);
      },
    });
    expect(await rebuilt).toBe(true);
    expect(during!.report).toEqual(oldReport);
    expect(during!.status).toMatchObject({ rebuilding: true, modelVersion: before.modelVersion });

    const after = await status();
    expect(after.rebuilding).toBe(false);
    expect(after.modelVersion).toBe(before.modelVersion + 1);
    expect(Date.parse(after.builtAt)).toBeGreaterThan(Date.parse(before.builtAt));
    const own = await server.gql(`{ collaboration(key: "during-rebuild") { overlaps { a { key } b { key } } } }`);
    expect(own.data.collaboration.overlaps.flatMap((o: any) => [o.a.key, o.b.key])).toContain(model.key);
    expect(after.pairs).toBe((await analysisRows()).pairs.length);
  });

  it('a topic change asks for a rebuild; the reports answer from the last analysis until it is done', async () => {
    const analysis = server.services.analysis;
    await analysis.settled();
    const before = await analysis.status();
    const topic = (await server.gql(`{ topics(first: 1) { nodes { id version label } } }`)).data.topics.nodes[0];
    const renamed = await server.gql(`mutation($input: TopicUpdateInput!) { topicUpdate(input: $input) { userErrors { code } } }`, {
      input: { id: topic.id, version: topic.version, label: `${topic.label} og mer` },
    });
    expect(renamed.data.topicUpdate.userErrors).toEqual([]);
    expect((await analysis.status()).rebuilding).toBe(true);
    expect((await server.gql(`{ overlapReport(first: 1) { totalCount } }`)).data.overlapReport.totalCount).toBeGreaterThan(0);
    await analysis.settled();
    expect((await analysis.status()).modelVersion).toBe(before.modelVersion + 1);
  });

  it('a rebuild that fails half-way leaves the last complete analysis in place and is asked for again', async () => {
    const analysis = server.services.analysis;
    await analysis.settled();
    const before = await analysisRows();
    const state = await readState(server.dataSource.manager);
    let wrote = 0;
    await expect(
      analysis.rebuild({
        progress: (p) => {
          if (p.phase === 'write' && ++wrote === 2) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    const after = await readState(server.dataSource.manager);
    expect(after).toMatchObject({ generation: state.generation, rebuildingGeneration: null, rebuildRequested: true });
    expect(await analysisRows()).toEqual(before);
    // What the failed rebuild had written is gone.
    expect((await generationsPresent(server.dataSource.manager)).filter((g) => g > state.generation)).toEqual([]);
    await analysis.settled();
    expect((await analysis.status()).modelVersion).toBe(state.generation + 1);
  });
});

describe('a change under a very large unit', () => {
  it('asks for a rebuild instead of making the write wait, and the rebuild brings the analysis up to date', async () => {
    // A limit far below the dev registry's Oslo, to stand for a big municipality in a national registry.
    const small = await startTestServer({ dev: true, config: { analysisIncrementalLimit: 100 } });
    try {
      const oslo = (await small.gql(`{ unit(key: "kommune-0301") { id version name collaborations(first: 1, includeSubunits: true) { totalCount } } }`)).data.unit;
      expect(oslo.collaborations.totalCount).toBeGreaterThan(100);
      const before = await small.services.analysis.status();
      const started = performance.now();
      const res = await small.gql(`mutation($input: UnitUpdateInput!) { unitUpdate(input: $input) { userErrors { code } } }`, { input: { id: oslo.id, version: oslo.version, name: `${oslo.name} og omegn` } });
      expect(res.data.unitUpdate.userErrors).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2000);
      expect((await small.services.analysis.status()).rebuilding).toBe(true);
      await small.services.analysis.settled();
      expect((await small.services.analysis.status()).modelVersion).toBe(before.modelVersion + 1);
    } finally {
      await small.close();
    }
  });
});
