import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { Agreement, AgreementContact, AgreementFocusTopic, AgreementParty } from '../agreements/agreement.entity';
import {
  Collaboration,
  CollaborationFunding,
  CollaborationPerson,
  CollaborationTopic,
  CollaborationUnit,
} from '../collaborations/collaboration.entity';
import { Affiliation, Person } from '../people/person.entity';
import { Topic } from '../topics/topic.entity';
import { Unit } from '../units/unit.entity';
import { canonical, Section, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotRecord } from './snapshot.format';

function groupBy<T>(rows: T[], keyOf: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows.sort((a, b) => ((a as { position?: number }).position ?? 0) - ((b as { position?: number }).position ?? 0))) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The whole registry as a snapshot, in canonical form and key order: one query per table, whatever its size.
 * Importing it into an empty registry gives back the same records.
 */
export async function exportSnapshot(em: EntityManager, scope?: Partial<Record<Section, number[]>>): Promise<Snapshot> {
  // With a scope, only the named records (and their own rows) are read; referenced records contribute keys only.
  // Scoped reads go in chunks: a re-import of a large registry names more ids than one statement may bind.
  const chunked = async <T extends ObjectLiteral>(cls: EntityTarget<T>, column: string, ids: number[]) => {
    const out: T[] = [];
    for (let i = 0; i < ids.length; i += 500) out.push(...(await em.getRepository(cls).find({ where: { [column]: In(ids.slice(i, i + 500)) } as never })));
    return out;
  };
  const own = <T extends ObjectLiteral>(cls: EntityTarget<T>, section: Section) =>
    scope ? chunked(cls, 'id', scope[section] ?? []) : em.getRepository(cls).find();
  const rows = <T extends ObjectLiteral>(cls: EntityTarget<T>, parent: string, section: Section) =>
    scope ? chunked(cls, parent, scope[section] ?? []) : em.getRepository(cls).find();
  // One query after another: inside a transaction they share one connection, which runs one query at a time.
  const topics = await own(Topic, 'topics');
  const units = await own(Unit, 'units');
  const people = await own(Person, 'people');
  const affiliations = await rows(Affiliation, 'personId', 'people');
  const agreements = await own(Agreement, 'agreements');
  const parties = await rows(AgreementParty, 'agreementId', 'agreements');
  const focus = await rows(AgreementFocusTopic, 'agreementId', 'agreements');
  const contacts = await rows(AgreementContact, 'agreementId', 'agreements');
  const collaborations = await own(Collaboration, 'collaborations');
  const cUnits = await rows(CollaborationUnit, 'collaborationId', 'collaborations');
  const cPeople = await rows(CollaborationPerson, 'collaborationId', 'collaborations');
  const cTopics = await rows(CollaborationTopic, 'collaborationId', 'collaborations');
  const funding = await rows(CollaborationFunding, 'collaborationId', 'collaborations');
  const keysOf = async <T extends { id: number; key: string }>(cls: EntityTarget<T>, loaded: T[], referenced: (number | null)[]) => {
    const map = new Map(loaded.map((r) => [r.id, r.key]));
    const missing = [...new Set(referenced.filter((id): id is number => id !== null && !map.has(id)))];
    for (let i = 0; i < missing.length; i += 500) {
      const found = await em.getRepository(cls).find({ select: { id: true, key: true } as never, where: { id: In(missing.slice(i, i + 500)) } as never });
      for (const r of found) map.set(r.id, r.key);
    }
    return map;
  };
  const topicKey = await keysOf(Topic, topics, [...topics.map((t) => t.parentId), ...focus.map((f) => f.topicId), ...cTopics.map((t) => t.topicId)]);
  const unitKey = await keysOf(Unit, units, [
    ...units.map((u) => u.parentId),
    ...affiliations.map((a) => a.unitId),
    ...parties.map((p) => p.unitId),
    ...cUnits.map((u) => u.unitId),
    ...funding.map((f) => f.sourceId),
  ]);
  const personKey = await keysOf(Person, people, [...contacts.map((c) => c.personId), ...cPeople.map((p) => p.personId)]);
  const agreementKey = await keysOf(Agreement, agreements, [...agreements.map((a) => a.parentId), ...collaborations.map((c) => c.agreementId)]);
  const collaborationKey = await keysOf(Collaboration, collaborations, collaborations.map((c) => c.parentId));
  const key = (map: Map<number, string>, id: number | null) => (id === null ? undefined : map.get(id));

  const affiliationsOf = groupBy(affiliations, (a) => a.personId);
  const partiesOf = groupBy(parties, (p) => p.agreementId);
  const focusOf = groupBy(focus, (f) => f.agreementId);
  const contactsOf = groupBy(contacts, (c) => c.agreementId);
  const unitsOf = groupBy(cUnits, (u) => u.collaborationId);
  const peopleOf = groupBy(cPeople, (p) => p.collaborationId);
  const topicsOf = groupBy(cTopics, (t) => t.collaborationId);
  const fundingOf = groupBy(funding, (f) => f.collaborationId);

  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    topics: topics.sort(byKey).map(
      (t) =>
        canonical('topics', {
          key: t.key,
          label: t.label,
          labelEn: t.labelEn,
          parent: key(topicKey, t.parentId),
          synonyms: t.synonyms,
        }) as SnapshotRecord,
    ),
    units: units.sort(byKey).map(
      (u) =>
        canonical('units', {
          key: u.key,
          name: u.name,
          shortName: u.shortName,
          kind: u.kind,
          sector: u.sectorExplicit ? u.sector : undefined,
          parent: key(unitKey, u.parentId),
          identifiers: {
            orgNumber: u.orgNumber,
            municipalityNumber: u.municipalityNumber,
            districtNumber: u.districtNumber,
            ror: u.ror,
            cristin: u.cristin,
          },
          website: u.website,
          description: u.description,
        }) as SnapshotRecord,
    ),
    people: people.sort(byKey).map(
      (p) =>
        ({
          ...canonical('people', { key: p.key, name: p.name, email: p.email, phone: p.phone, title: p.title }),
          // Required by the format even when empty.
          affiliations: (affiliationsOf.get(p.id) ?? []).map((a) =>
            canonical('people', { unit: unitKey.get(a.unitId), role: a.role, from: a.from, to: a.to }),
          ),
        }) as unknown as SnapshotRecord,
    ),
    agreements: agreements.sort(byKey).map(
      (a) =>
        canonical('agreements', {
          key: a.key,
          title: a.title,
          kind: a.kind,
          parties: (partiesOf.get(a.id) ?? []).map((p) => unitKey.get(p.unitId)),
          anchoring: a.anchoring,
          signedOn: a.signedOn,
          validFrom: a.validFrom,
          validTo: a.validTo,
          reviewOn: a.reviewOn,
          parent: key(agreementKey, a.parentId),
          focusTopics: (focusOf.get(a.id) ?? []).map((f) => topicKey.get(f.topicId)),
          description: a.description,
          contacts: (contactsOf.get(a.id) ?? []).map((c) => ({ person: personKey.get(c.personId), role: c.role })),
        }) as SnapshotRecord,
    ),
    collaborations: collaborations.sort(byKey).map(
      (c) =>
        canonical('collaborations', {
          key: c.key,
          title: c.title,
          summary: c.summary,
          kind: c.kind,
          axes: c.axes,
          topics: (topicsOf.get(c.id) ?? []).map((t) => topicKey.get(t.topicId)),
          keywords: c.keywords,
          status: c.status,
          startDate: c.startDate,
          endDate: c.endDate,
          agreement: key(agreementKey, c.agreementId),
          parent: key(collaborationKey, c.parentId),
          units: (unitsOf.get(c.id) ?? []).map((u) => ({ unit: unitKey.get(u.unitId), role: u.role })),
          people: (peopleOf.get(c.id) ?? []).map((p) => ({ person: personKey.get(p.personId), role: p.role })),
          funding: (fundingOf.get(c.id) ?? []).map((f) => ({
            source: key(unitKey, f.sourceId),
            sourceName: f.sourceName,
            amountNok: f.amountNok,
          })),
          links: c.links,
        }) as SnapshotRecord,
    ),
  };
}
