import { DataSource } from 'typeorm';
import { RegistryError } from '../errors/registry-error';
import { Services } from '../app/context';
import { Language } from '../http/language';
import { Person } from '../modules/people/person.entity';
import { ACollaboration, loadCollaborations, loadTopics, loadUnits } from '../modules/analysis/analysis.data';

export type ReportKind = 'overlaps' | 'clusters' | 'gaps';
export type ReportFormat = 'csv' | 'json' | 'table';
type Row = Record<string, string | number>;

/** The rows of a report: the same content as overlapReport, overlapClusters and coordinationGaps. */
export async function reportRows(
  ds: DataSource,
  services: Services,
  kind: ReportKind,
  filter: { unit?: string; topic?: string },
  language: Language = 'en',
): Promise<Row[]> {
  const analysis = services.analysis;
  const em = ds.manager;
  const [units, topics] = [await loadUnits(em), await loadTopics(em)];
  const unitName = (id: number) => units.get(id)?.name ?? String(id);
  const topicLabel = (id: number) => topics.get(id)?.label ?? String(id);
  let collaborations = new Map<number, ACollaboration>();
  const c = (id: number) => collaborations.get(id)!;
  switch (kind) {
    case 'overlaps': {
      const rows: Row[] = [];
      const overlaps = await analysis.overlaps(filter);
      collaborations = await loadCollaborations(em, overlaps.flatMap((o) => [o.a, o.b]));
      for (const o of overlaps) {
        rows.push({
          score: o.score,
          a: c(o.a).key,
          aTitle: c(o.a).title,
          b: c(o.b).key,
          bTitle: c(o.b).title,
          subject: topicLabel(o.topicId),
          sharedUnits: o.sharedUnitIds.map(unitName).join('; '),
          periodStart: o.periodStart ?? '',
          periodEnd: o.periodEnd ?? '',
          review: (await analysis.reviewOf(o))?.decision ?? '',
          reasons: (await analysis.explain(o, language)).map((r) => r.message).join(' '),
        });
      }
      return rows;
    }
    case 'clusters': {
      const clusters = await analysis.clusters(filter);
      collaborations = await loadCollaborations(em, clusters.flatMap((cluster) => cluster.collaborationIds));
      const people = new Map<number, string>();
      for (const p of await ds.getRepository(Person).find({ select: { id: true, name: true } })) people.set(p.id, p.name);
      const rows: Row[] = [];
      for (const [i, cluster] of clusters.entries()) {
        const pairs = await cluster.pairs();
        rows.push({
          cluster: i + 1,
          size: cluster.collaborationIds.length,
          score: cluster.score,
          topics: [...new Set(pairs.map((p) => p.topicId))].map(topicLabel).join('; '),
          sharedUnits: [...new Set(pairs.flatMap((p) => p.sharedUnitIds))].map(unitName).join('; '),
          collaborations: cluster.collaborationIds.map((id) => c(id).key).join('; '),
          contacts: (await analysis.contactsOf(cluster)).map((p) => `${people.get(p.personId)} (${p.role}, ${c(p.collaborationId).key})`).join('; '),
        });
      }
      return rows;
    }
    case 'gaps':
      if (filter.topic) throw RegistryError.of('--topic', 'INVALID', 'the gaps report takes --unit only');
      const gaps = await analysis.gaps({ unit: filter.unit }, language);
      collaborations = await loadCollaborations(em, gaps.map((e) => e.collaborationId));
      return gaps.map((e) => ({
        collaboration: c(e.collaborationId).key,
        title: c(e.collaborationId).title,
        codes: e.gaps.map((g) => g.code).join('; '),
        messages: e.gaps.map((g) => g.message).join(' '),
      }));
  }
}

const csvCell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function formatRows(rows: Row[], format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  if (format === 'csv') return [columns.join(','), ...rows.map((r) => columns.map((k) => csvCell(r[k]!)).join(','))].join('\n') + '\n';
  const cut = (v: string | number) => {
    const s = String(v);
    return s.length > 40 ? `${s.slice(0, 39)}…` : s;
  };
  const widths = columns.map((k) => Math.max(k.length, ...rows.map((r) => cut(r[k]!).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((k) => cut(r[k]!))))].join('\n') + `\n${rows.length} rows\n`;
}
