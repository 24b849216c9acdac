import { isIsoDate } from '../../src/validation/dates';
import { isValidDistrictNumber, isValidMunicipalityNumber, isValidOrgNumber } from '../../src/validation/identifiers';
import { normalizeText, tokenize } from '../../src/text/normalize';
import { inputProblems, toInput } from '../../src/validation/input-rules';
import { CollaborationCreateInput } from '../../src/modules/collaborations/collaboration.inputs';
import { sectorForKind, UnitKind } from '../../src/modules/units/unit.enums';
import { ConfigError, loadConfig, parseDatabaseUrl } from '../../src/config';

describe('Norwegian identifiers', () => {
  it('checks organisation numbers with the modulus-11 check digit', () => {
    expect(isValidOrgNumber('958935420')).toBe(true); // Oslo kommune
    expect(isValidOrgNumber('974767880')).toBe(true); // NTNU
    expect(isValidOrgNumber('958935421')).toBe(false); // wrong check digit
    expect(isValidOrgNumber('95893542')).toBe(false);
    expect(isValidOrgNumber('95893542a')).toBe(false);
  });
  it('checks municipality (4 digits) and district (6 digits) numbers', () => {
    expect(isValidMunicipalityNumber('0301')).toBe(true);
    expect(isValidMunicipalityNumber('301')).toBe(false);
    expect(isValidDistrictNumber('030112')).toBe(true);
    expect(isValidDistrictNumber('30112')).toBe(false);
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2021-13-01')).toBe(false);
    expect(isIsoDate('2021-1-01')).toBe(false);
    expect(isIsoDate(20210101)).toBe(false);
  });
});

describe('text normalisation', () => {
  it('keeps æ, ø and å, folds other diacritics and Swedish/German letters', () => {
    expect(normalizeText('Bærum Østensjø Grünerløkka Café Språk')).toBe('bærum østensjø grunerløkka cafe språk');
    expect(normalizeText('Göteborg Mälardalen')).toBe('gøteborg mælardalen');
  });
  it('splits into words', () => {
    expect(tokenize('Arbeid og helse: rus- og psykiatri (IPS)')).toEqual(['arbeid', 'og', 'helse', 'rus', 'og', 'psykiatri', 'ips']);
  });
});

describe('sector derived from kind', () => {
  it('puts municipal kinds in MUNICIPAL and academic kinds in ACADEMIC', () => {
    expect(sectorForKind(UnitKind.DISTRICT)).toBe('MUNICIPAL');
    expect(sectorForKind(UnitKind.MUNICIPAL_SERVICE)).toBe('MUNICIPAL');
    expect(sectorForKind(UnitKind.DEPARTMENT)).toBe('ACADEMIC');
    expect(sectorForKind(UnitKind.RESEARCH_INSTITUTE)).toBe('ACADEMIC');
    expect(sectorForKind(UnitKind.COMPANY)).toBe('PRIVATE');
    expect(sectorForKind(UnitKind.FUNDER)).toBe('OTHER');
  });
});

describe('input validation', () => {
  it('names every bad field with a code, nested paths included', async () => {
    const input = toInput(CollaborationCreateInput, {
      key: 'ok-key',
      title: '',
      kind: 'NOT_A_KIND',
      startDate: '2021-05-01',
      endDate: '2021-04-01',
      units: [{ unit: 'x', role: 'BOSS' }],
      unknownField: 1,
    });
    const problems = await inputProblems(input);
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'title', code: 'REQUIRED', message: 'should not be empty' },
        expect.objectContaining({ field: 'kind', code: 'INVALID' }),
        { field: 'endDate', code: 'INVALID', message: 'must not be before startDate' },
        expect.objectContaining({ field: 'units[0].role', code: 'INVALID' }),
        { field: 'unknownField', code: 'INVALID', message: 'is not a known field' },
      ]),
    );
    expect(problems).toHaveLength(5);
  });
  it('accepts a minimal valid input', async () => {
    expect(await inputProblems(toInput(CollaborationCreateInput, { key: 'c', title: 'T', kind: 'OTHER', units: [{ unit: 'u', role: 'LEAD' }] }))).toEqual([]);
  });
});

describe('configuration', () => {
  it('defaults to SQLite under data/ on port 4000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.database).toMatchObject({ type: 'sqlite', file: expect.stringMatching(/data\/registry\.sqlite$/) });
    expect(config.diagnostics).toBe(false);
  });
  it('reads DATABASE_URL for SQLite and PostgreSQL and refuses anything else', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/x.sqlite')).toEqual({ type: 'sqlite', file: '/tmp/x.sqlite' });
    expect(parseDatabaseUrl('postgres://u@h/db')).toEqual({ type: 'postgres', url: 'postgres://u@h/db' });
    expect(() => parseDatabaseUrl('mysql://x')).toThrow(ConfigError);
  });
  it('names the variable at fault', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('PORT: expected a whole number from 0 to 65535, got "abc"');
    expect(() => loadConfig({ REGISTRY_DIAGNOSTICS: 'maybe' })).toThrow('REGISTRY_DIAGNOSTICS');
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(() => loadConfig({ REGISTRY_RATE_LIMIT_STORE: 'redis' })).toThrow('REGISTRY_RATE_LIMIT_STORE: expected one of memory, postgres');
    expect(() => loadConfig({ REGISTRY_TRUST_PROXY_HOPS: '-1' })).toThrow('REGISTRY_TRUST_PROXY_HOPS');
  });
  it('caps connections per address only where the socket address is the client (no proxy in front)', () => {
    const direct = loadConfig({});
    expect([direct.maxConnections, direct.maxConnectionsPerAddress, direct.receiveTimeoutMs, direct.importReceiveTimeoutMs]).toEqual([2048, 256, 10000, 300000]);
    expect(loadConfig({ REGISTRY_TRUST_PROXY_HOPS: '1' }).maxConnectionsPerAddress).toBe(0);
    expect(loadConfig({ REGISTRY_TRUST_PROXY_HOPS: '1', REGISTRY_MAX_CONNECTIONS_PER_ADDRESS: '5000' }).maxConnectionsPerAddress).toBe(5000);
    expect(loadConfig({ REGISTRY_MAX_CONNECTIONS: '0', REGISTRY_MAX_CONNECTIONS_PER_ADDRESS: '0' })).toMatchObject({ maxConnections: 0, maxConnectionsPerAddress: 0 });
    expect(() => loadConfig({ REGISTRY_MAX_CONNECTIONS_PER_ADDRESS: 'many' })).toThrow('REGISTRY_MAX_CONNECTIONS_PER_ADDRESS: expected a positive whole number, got "many"');
    expect(() => loadConfig({ REGISTRY_RECEIVE_TIMEOUT_MS: '0' })).toThrow('REGISTRY_RECEIVE_TIMEOUT_MS: expected a positive whole number, got "0"');
  });
  it('keeps rate-limit buckets in PostgreSQL only when the registry is on PostgreSQL', () => {
    expect(() => loadConfig({ REGISTRY_RATE_LIMIT_STORE: 'postgres' })).toThrow('REGISTRY_RATE_LIMIT_STORE: postgres needs a postgres:// DATABASE_URL');
    const shared = loadConfig({ DATABASE_URL: 'postgres://u@h/db', REGISTRY_RATE_LIMIT_STORE: 'postgres', REGISTRY_TRUST_PROXY_HOPS: '1' });
    expect([shared.rateLimitStore, shared.trustProxyHops, shared.logLevel]).toEqual(['postgres', 1, 'info']);
  });
});
