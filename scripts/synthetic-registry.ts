/**
 * A generator of realistic synthetic registries for benchmarks: municipalities of very different sizes with
 * districts and services, universities with faculties and departments, people, agreements, and collaborations
 * whose topic tags are right, too broad, missing or wrong, as in real registries. Deterministic for a given seed.
 */
import { Snapshot, SnapshotRecord } from '../src/modules/snapshot/snapshot.format';

type Rng = () => number;

/** A small seeded generator (mulberry32): the same seed gives the same registry, or the same test sequence, every time. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** Themes and subjects: label, synonyms, and words that texts about the subject use. */
const THEMES: { key: string; label: string; subjects: { key: string; label: string; synonyms: string[]; words: string[] }[] }[] = [
  {
    key: 'oppvekst', label: 'Oppvekst',
    subjects: [
      { key: 'tidlig-innsats', label: 'Tidlig innsats i barnehagen', synonyms: ['tidlig innsats', 'småbarn'], words: ['småbarnsavdeling', 'observasjon', 'foreldresamtaler', 'overgang', 'lek', 'kartlegging', 'barnegruppe'] },
      { key: 'skolefravaer', label: 'Skolefravær', synonyms: ['fravær', 'skolevegring'], words: ['fravær', 'skolevegring', 'oppfølgingsplan', 'elevsamtaler', 'ungdomsskole', 'nærvær', 'tiltaksteam'] },
      { key: 'fritid', label: 'Fritid for ungdom', synonyms: ['fritidsklubb', 'ungdomsarbeid'], words: ['fritidsklubb', 'ungdomsråd', 'aktivitetskort', 'sommerjobb', 'møteplass', 'ungdomshus', 'frivillige'] },
    ],
  },
  {
    key: 'helse', label: 'Helse',
    subjects: [
      { key: 'ernaering', label: 'Ernæring hos eldre', synonyms: ['ernæring', 'underernæring'], words: ['måltider', 'kosthold', 'vektregistrering', 'sykehjemskjøkken', 'proteiner', 'appetitt', 'matglede'] },
      { key: 'fallforebygging', label: 'Fallforebygging', synonyms: ['fall', 'balansetrening'], words: ['balansetrening', 'fallulykker', 'hoftebrudd', 'styrkeøvelser', 'hjemmebesøk', 'trygghet', 'treningsgrupper'] },
      { key: 'palliasjon', label: 'Lindrende omsorg', synonyms: ['palliasjon', 'livets slutt'], words: ['palliativ', 'smertelindring', 'pårørendesamtaler', 'livets', 'hospice', 'symptomlindring', 'verdighet'] },
      { key: 'lavterskel-psykisk', label: 'Lavterskel psykisk helsehjelp', synonyms: ['psykisk helse', 'rask psykisk helsehjelp'], words: ['angst', 'depresjon', 'samtaleterapi', 'selvhjelp', 'kurs', 'søvn', 'mestringsgrupper'] },
    ],
  },
  {
    key: 'miljo', label: 'Miljø og klima',
    subjects: [
      { key: 'avfall', label: 'Avfall og gjenvinning', synonyms: ['kildesortering', 'sirkulærøkonomi'], words: ['kildesortering', 'gjenbruk', 'ombruk', 'plastavfall', 'innsamling', 'matsvinn', 'returpunkt'] },
      { key: 'overvann', label: 'Overvann og flom', synonyms: ['overvann', 'flomsikring'], words: ['regnbed', 'grønne tak', 'flomveier', 'nedbør', 'kummer', 'fordrøyning', 'bekkeåpning'] },
      { key: 'luftkvalitet', label: 'Luftkvalitet', synonyms: ['luftforurensning', 'svevestøv'], words: ['svevestøv', 'målestasjoner', 'piggdekk', 'vedfyring', 'nox', 'gatestøv', 'varsling'] },
    ],
  },
  {
    key: 'forvaltning', label: 'Forvaltning',
    subjects: [
      { key: 'klarspraak', label: 'Klarspråk', synonyms: ['klarspråk', 'brukervennlige brev'], words: ['vedtaksbrev', 'språkvask', 'lesbarhet', 'maler', 'innbyggere', 'forståelig', 'skrivekurs'] },
      { key: 'anskaffelser', label: 'Innovative anskaffelser', synonyms: ['innkjøp', 'anskaffelse'], words: ['leverandørdialog', 'konkurranse', 'innkjøpsstrategi', 'markedsdialog', 'kontrakt', 'behovsbeskrivelse', 'tilbydere'] },
      { key: 'datadeling', label: 'Datadeling', synonyms: ['åpne data', 'deling av data'], words: ['datakatalog', 'api', 'personvern', 'datakvalitet', 'metadata', 'dataplattform', 'gjenbruk'] },
    ],
  },
];

const GENERIC = [
  'Samarbeidet skal styrke kompetansen hos ansatte.',
  'Resultatene skal brukes i videre tjenesteutvikling.',
  'Prosjektet gjennomføres i tett samarbeid mellom kommunen og universitetet.',
  'Studenter og ansatte deltar i utviklingsarbeidet.',
  'Erfaringene deles i faglige nettverk.',
];

const KINDS = ['RESEARCH_PROJECT', 'INNOVATION_PROJECT', 'PRACTICE_PLACEMENT', 'STUDENT_THESIS', 'CONTINUING_EDUCATION', 'NETWORK', 'WORKING_GROUP', 'ANALYSIS'];
const TITLE_FORMS = ['Forskningsprosjekt om', 'Utprøving av', 'Kompetanseheving i', 'Masteroppgave om', 'Nettverk for', 'Kartlegging av', 'Praksis i'];

export function generateRegistry(collaborations: number, seed = 42): Snapshot {
  const rng = mulberry32(seed);
  const topics: SnapshotRecord[] = [];
  const subjects = THEMES.flatMap((t) => t.subjects.map((s) => ({ ...s, theme: t.key })));
  // A national registry has many more subjects than the hand-written ones: add about one per thousand
  // collaborations, with vocabularies of their own, spread over the themes.
  for (let i = 0; subjects.length < Math.max(13, Math.round(collaborations / 1000)); i++) {
    const theme = THEMES[i % THEMES.length]!;
    const words = Array.from({ length: 7 }, (_, k) => `emne${i}ord${k}`);
    subjects.push({ key: `emne-${i}`, label: `Emne ${i}`, synonyms: [words[0]!], words, theme: theme.key });
  }
  for (const theme of THEMES) topics.push({ key: theme.key, label: theme.label });
  for (const s of subjects) topics.push({ key: s.key, label: s.label, parent: s.theme, synonyms: s.synonyms });

  const units: SnapshotRecord[] = [];
  const municipalUnits: { key: string; name: string; weight: number }[] = [];
  const municipalities = Math.max(10, Math.min(356, Math.round(collaborations / 300)));
  for (let m = 0; m < municipalities; m++) {
    // Municipality sizes are very uneven: a few large cities, many small municipalities.
    const weight = 1 / (m + 1) ** 0.8;
    const key = `k-${m}`;
    const name = `Kommune ${m}`;
    units.push({ key, name, kind: 'MUNICIPALITY' });
    municipalUnits.push({ key, name, weight });
    const districts = m < 3 ? 10 : 0;
    const parents = districts ? Array.from({ length: districts }, (_, d) => `${key}-b${d}`) : [key];
    for (let d = 0; d < districts; d++) {
      units.push({ key: `${key}-b${d}`, name: `${name} bydel ${d}`, kind: 'DISTRICT', parent: key });
      municipalUnits.push({ key: `${key}-b${d}`, name: `${name} bydel ${d}`, weight: weight / districts });
    }
    for (const parent of parents) {
      for (const service of ['helsetjenesten', 'skolene', 'barnehagene', 'NAV-kontoret']) {
        units.push({ key: `${parent}-${service}`, name: `${parent} ${service}`, kind: 'MUNICIPAL_SERVICE', parent });
        municipalUnits.push({ key: `${parent}-${service}`, name: `${parent} ${service}`, weight: weight / parents.length / 4 });
      }
    }
  }
  const departments: string[] = [];
  for (let u = 0; u < 10; u++) {
    units.push({ key: `uni-${u}`, name: `Universitet ${u}`, kind: 'UNIVERSITY' });
    for (let f = 0; f < 4; f++) {
      units.push({ key: `uni-${u}-f${f}`, name: `Fakultet ${f} ved universitet ${u}`, kind: 'FACULTY', parent: `uni-${u}` });
      for (let d = 0; d < 5; d++) {
        const key = `uni-${u}-f${f}-i${d}`;
        units.push({ key, name: `Institutt ${d}, fakultet ${f}, universitet ${u}`, kind: 'DEPARTMENT', parent: `uni-${u}-f${f}` });
        departments.push(key);
      }
    }
  }
  const totalWeight = municipalUnits.reduce((s, u) => s + u.weight, 0);
  const pickMunicipal = () => {
    let r = rng() * totalWeight;
    for (const u of municipalUnits) if ((r -= u.weight) <= 0) return u;
    return municipalUnits[municipalUnits.length - 1]!;
  };

  const peopleCount = Math.max(20, Math.round(collaborations / 2));
  const people: SnapshotRecord[] = Array.from({ length: peopleCount }, (_, i) => ({
    key: `p-${i}`,
    name: `Person ${i}`,
    affiliations: [{ unit: i % 2 ? pick(rng, departments) : pickMunicipal().key }],
  }));

  const agreements: SnapshotRecord[] = Array.from({ length: Math.min(municipalities, 60) }, (_, i) => ({
    key: `a-${i}`, title: `Samarbeidsavtale ${i}`, kind: 'FRAMEWORK', parties: [`k-${i}`, `uni-${i % 10}`],
    validFrom: '2015-01-01', ...(rng() < 0.5 ? { validTo: '2022-12-31' } : {}),
  }));

  const records: SnapshotRecord[] = [];
  for (let i = 0; i < collaborations; i++) {
    const subject = pick(rng, subjects);
    const words = [...subject.words].sort(() => rng() - 0.5);
    const place = pickMunicipal();
    const start = 2005 + Math.floor(rng() * 21);
    const startDate = `${start}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-01`;
    const running = rng() < 0.15;
    const endDate = `${start + 1 + Math.floor(rng() * 3)}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-01`;
    const tagRoll = rng();
    const tags = tagRoll < 0.6 ? [subject.key] : tagRoll < 0.75 ? [subject.theme] : tagRoll < 0.9 ? [] : [pick(rng, subjects).key];
    const status = running ? 'ACTIVE' : rng() < 0.03 ? 'CANCELLED' : 'COMPLETED';
    records.push({
      key: `c-${i}`,
      title: `${pick(rng, TITLE_FORMS)} ${words[0]} og ${words[1]} i ${place.name}`,
      summary: `${pick(rng, GENERIC)} Arbeidet handler om ${words[2]} og ${words[3]}. ${pick(rng, GENERIC)}`,
      keywords: [words[4]!, 'samarbeid'],
      kind: pick(rng, KINDS),
      topics: tags,
      status,
      startDate,
      ...(running ? {} : { endDate }),
      units: [
        { unit: place.key, role: 'PARTNER' },
        ...(rng() < 0.2 ? [{ unit: pickMunicipal().key, role: 'HOST' }] : []),
        { unit: pick(rng, departments), role: 'LEAD' },
      ].filter((u, j, all) => all.findIndex((v) => v.unit === u.unit) === j),
      people: Array.from({ length: 1 + Math.floor(rng() * 3) }, (_, j) => ({
        person: `p-${Math.floor(rng() * peopleCount)}`,
        role: j === 0 ? 'PROJECT_LEADER' : 'RESEARCHER',
      })).filter((p, j, all) => all.findIndex((q) => q.person === p.person) === j),
      ...(rng() < 0.4 ? { agreement: `a-${Math.floor(rng() * agreements.length)}` } : {}),
      ...(i > 0 && rng() < 0.03 ? { parent: `c-${Math.floor(rng() * i)}` } : {}),
    });
  }
  return { format: 'collaboration-registry', version: 1, topics, units, people, agreements, collaborations: records };
}
