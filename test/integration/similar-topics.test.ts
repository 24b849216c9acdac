import { startTestServer, TestServer } from '../helpers/server';

interface Answer {
  topics: { key: string }[];
  collaborations: { collaboration: { key: string } }[];
  similarTopics: { collaborations: number; topic: { key: string; label: string } }[];
}

describe('whoWorksWith: where similar work is filed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seeds: true });
    await server.services.analysis.settled();
  });
  afterAll(() => server.close());

  const ask = async (unit: string, topic: string, activeOn: string | null = null): Promise<Answer> => {
    const res = await server.gqlAs(
      null,
      `query($unit: ID!, $topic: String!, $activeOn: Date) { whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {
        topics { key } collaborations { collaboration { key } } similarTopics { collaborations topic { key label } } } }`,
      { unit, topic, activeOn },
    );
    expect(res.errors).toBeUndefined();
    return res.data.whoWorksWith;
  };

  it("names the topics with similar names a chosen topic's unit has work on, counted as each one's own answer counts", async () => {
    // The seed taxonomy files Oslo's working group on work, mental health and addiction under "Arbeid og helse";
    // a coordinator who picks "Psykisk helse og rus" (under "Helse og omsorg") found nothing and was told only that.
    const chosen = await ask('kommune-0301', 'psykisk-helse-rus');
    expect(chosen.collaborations).toEqual([]);
    expect(chosen.similarTopics).toContainEqual({ collaborations: 1, topic: { key: 'arbeid-rus-psykisk', label: 'Arbeidsinkludering ved rus- og psykiske utfordringer' } });
    for (const similar of chosen.similarTopics) {
      const own = await ask('kommune-0301', similar.topic.key);
      expect(own.collaborations).toHaveLength(similar.collaborations);
    }
    const filed = await ask('kommune-0301', 'arbeid-rus-psykisk');
    expect(filed.collaborations.map((c) => c.collaboration.key)).toContain('unikom-oslo-arbeidsgruppe-arbeid-helse');
    // Most collaborations first.
    const counts = chosen.similarTopics.map((r) => r.collaborations);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('counts only what the question would find: the same period and unit, beside work on the topic itself', async () => {
    expect((await ask('kommune-0301', 'psykisk-helse-rus', '1990-01-01')).similarTopics).toEqual([]);
    // Drammen's own recovery work is on the topic itself, and the answer still names where its similar work is.
    const drammen = await ask('kommune-3301', 'psykisk-helse-rus');
    expect(drammen.collaborations.map((c) => c.collaboration.key)).toContain('drammen-usn-recovery');
    expect(drammen.similarTopics.length).toBeGreaterThan(0);
    for (const similar of drammen.similarTopics) {
      const own = await ask('kommune-3301', similar.topic.key);
      expect(own.collaborations).toHaveLength(similar.collaborations);
      expect(own.collaborations.map((c) => c.collaboration.key)).not.toContain('drammen-usn-recovery');
    }
    // A district of Oslo with no such work has nothing similar to name.
    expect((await ask('bydel-alna', 'psykisk-helse-rus')).similarTopics).toEqual([]);
  });

  it('names none for free text, whose words already match every topic that holds one of them', async () => {
    const words = await ask('kommune-0301', 'psykisk helse og rus');
    expect(words.topics.map((t) => t.key)).toEqual(expect.arrayContaining(['psykisk-helse-rus', 'arbeid-rus-psykisk']));
    expect(words.similarTopics).toEqual([]);
    expect(words.collaborations.map((c) => c.collaboration.key)).toContain('unikom-oslo-arbeidsgruppe-arbeid-helse');
  });
});
