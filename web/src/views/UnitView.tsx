import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { Timeline } from '../components/Timeline';
import { graphql } from '../gql';
import type { UnitPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import type { Dictionary } from '../i18n/nb';
import { label, period } from '../lib/format';
import { collaborationPath, Link, unitPath } from '../lib/router';
import { useQuery } from '../lib/use-query';

const UnitPage = graphql(`
  query UnitPage($unit: ID!) {
    unit(id: $unit) {
      key
      name
      kind
      ancestors {
        key
        name
      }
      children {
        key
        name
      }
      collaborations(first: 100, orderBy: { field: START_DATE, direction: DESC }) {
        totalCount
        nodes {
          key
          title
          kind
          status
          startDate
          endDate
        }
      }
    }
    agreements(filter: { party: $unit, includeSubunits: true }, first: 100) {
      nodes {
        key
        title
        kind
        validFrom
        validTo
        parties {
          name
        }
      }
    }
    overlapReport(filter: { unit: $unit }) {
      totalCount
    }
    coordinationGaps(filter: { unit: $unit }) {
      totalCount
    }
  }
`);

type AgreementRow = UnitPageQuery['agreements']['nodes'][number];
type CollaborationRow = NonNullable<UnitPageQuery['unit']>['collaborations']['nodes'][number];
type Validity = 'valid' | 'expiring' | 'expired' | 'notStarted';
const SIX_MONTHS = 183 * 86_400_000;

function validity(agreement: AgreementRow, now = Date.now()): Validity {
  if (agreement.validFrom && Date.parse(agreement.validFrom) > now) return 'notStarted';
  if (!agreement.validTo) return 'valid';
  const end = Date.parse(agreement.validTo);
  if (end < now) return 'expired';
  return end - now < SIX_MONTHS ? 'expiring' : 'valid';
}

const validityLabel = (t: Dictionary, v: Validity) => t.unit[v];

/** View 4: a unit's place in the tree, its agreements, its collaborations over time, its overlap and gap counts. */
export default function UnitView({ unitKey }: { unitKey: string }) {
  const { t } = useI18n();
  const result = useQuery(UnitPage, { unit: unitKey });
  const unit = result.data?.unit;
  if (result.loading || result.error) return <Status loading={result.loading} error={result.error} />;
  if (!unit || !result.data) return <p role="alert">{t.unit.notFound}</p>;
  const path = [...unit.ancestors].reverse();
  return (
    <>
      <nav className="breadcrumbs" aria-label={t.unit.path}>
        <ol>
          {path.map((a) => (
            <li key={a.key}>
              <Link to={unitPath(a.key)}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{unit.name}</li>
        </ol>
      </nav>
      <h1>{unit.name}</h1>
      <section aria-labelledby="unit-counts">
        <h2 id="unit-counts">{t.unit.counts}</h2>
        <div className="stats">
          <Link className="stat" to={`/overlaps?unit=${encodeURIComponent(unit.key)}`}>
            <strong data-testid="overlap-count">{result.data.overlapReport.totalCount}</strong>
            {t.unit.overlapCount}
          </Link>
          <Link className="stat" to={`/gaps?unit=${encodeURIComponent(unit.key)}`}>
            <strong data-testid="gap-count">{result.data.coordinationGaps.totalCount}</strong>
            {t.unit.gapCount}
          </Link>
        </div>
      </section>
      {unit.children.length > 0 && (
        <section aria-labelledby="unit-children">
          <h2 id="unit-children">{t.unit.children}</h2>
          <ul className="columns">
            {unit.children.map((c) => (
              <li key={c.key}>
                <Link to={unitPath(c.key)}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <DataTable<AgreementRow>
        id="unit-agreements"
        caption={t.unit.agreements}
        exportName={`agreements_${unit.key}`}
        rows={result.data.agreements.nodes}
        rowKey={(a) => a.key}
        columns={[
          { label: t.columns.title, value: (a) => a.title },
          {
            label: t.columns.validity,
            value: (a) => validityLabel(t, validity(a)),
            render: (a) => <span className={`pill ${validity(a)}`}>{validityLabel(t, validity(a))}</span>,
          },
          { label: t.columns.validFrom, value: (a) => a.validFrom ?? '' },
          { label: t.columns.validTo, value: (a) => a.validTo ?? '' },
          { label: t.columns.units, value: (a) => a.parties.map((p) => p.name).join('; ') },
        ]}
      />
      <section aria-labelledby="unit-timeline">
        <h2 id="unit-timeline">{t.unit.timeline}</h2>
        <Timeline
          label={t.unit.timelineLabel}
          openLabel={t.common.openEnded}
          items={unit.collaborations.nodes.map((c) => ({ key: c.key, title: c.title, row: label(t.kinds, c.kind), start: c.startDate ?? null, end: c.endDate ?? null, href: collaborationPath(c.key) }))}
        />
      </section>
      <DataTable<CollaborationRow>
        id="unit-collaborations"
        // The table counts its rows; the caption says so only when the unit has more than the page shows.
        caption={`${t.unit.collaborations} ${unit.collaborations.totalCount > unit.collaborations.nodes.length ? t.common.rowsShown(unit.collaborations.nodes.length, unit.collaborations.totalCount) : ''}`.trim()}
        exportName={`collaborations_${unit.key}`}
        rows={unit.collaborations.nodes}
        rowKey={(c) => c.key}
        columns={[
          { label: t.columns.title, value: (c) => c.title, render: (c) => <Link to={collaborationPath(c.key)}>{c.title}</Link> },
          { label: t.columns.kind, value: (c) => label(t.kinds, c.kind) },
          { label: t.columns.status, value: (c) => label(t.statuses, c.status) },
          { label: t.columns.period, value: (c) => period(t, c.startDate, c.endDate) },
        ]}
      />
    </>
  );
}
