import { EntityManager } from 'typeorm';
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
import { canonical, Snapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotRecord } from './snapshot.format';

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
export async function exportSnapshot(em: EntityManager): Promise<Snapshot> {
  const [topics, units, people, affiliations, agreements, parties, focus, contacts, collaborations, cUnits, cPeople, cTopics, funding] =
    await Promise.all([
      em.getRepository(Topic).find(),
      em.getRepository(Unit).find(),
      em.getRepository(Person).find(),
      em.getRepository(Affiliation).find(),
      em.getRepository(Agreement).find(),
      em.getRepository(AgreementParty).find(),
      em.getRepository(AgreementFocusTopic).find(),
      em.getRepository(AgreementContact).find(),
      em.getRepository(Collaboration).find(),
      em.getRepository(CollaborationUnit).find(),
      em.getRepository(CollaborationPerson).find(),
      em.getRepository(CollaborationTopic).find(),
      em.getRepository(CollaborationFunding).find(),
    ]);
  const topicKey = new Map(topics.map((t) => [t.id, t.key]));
  const unitKey = new Map(units.map((u) => [u.id, u.key]));
  const personKey = new Map(people.map((p) => [p.id, p.key]));
  const agreementKey = new Map(agreements.map((a) => [a.id, a.key]));
  const collaborationKey = new Map(collaborations.map((c) => [c.id, c.key]));
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
