import { useMemo, useState } from 'react';
import { BarChart } from '../components/BarChart';
import type { Option } from '../components/Combobox';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { UnitPicker } from '../components/UnitPicker';
import { graphql } from '../gql';
import type { GapCode, GapOverviewQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { gapCountsByUnit } from '../lib/counts';
import { label, period, treePath } from '../lib/format';
import { collaborationPath, Link, navigate } from '../lib/router';
import { useQuery } from '../lib/use-query';

const GAP_CODES: GapCode[] = ['NO_AGREEMENT', 'AGREEMENT_EXPIRED', 'ONE_SIDED', 'NO_CONTACT'];
/** The server allows 30 aliases per request; the per-unit counts use at most this many. */
const MAX_UNIT_BARS = 30;

const GapOverview = graphql(`
  query GapOverview($unit: ID, $hasUnit: Boolean!, $listUnit: ID, $codes: [GapCode!]) {
    list: coordinationGaps(filter: { unit: $listUnit, codes: $codes }, first: 100) {
      ...GapListPage
    }
    total: coordinationGaps(filter: { unit: $unit }) {
      totalCount
    }
    NO_AGREEMENT: coordinationGaps(filter: { unit: $unit, codes: [NO_AGREEMENT] }) {
      totalCount
    }
    AGREEMENT_EXPIRED: coordinationGaps(filter: { unit: $unit, codes: [AGREEMENT_EXPIRED] }) {
      totalCount
    }
    ONE_SIDED: coordinationGaps(filter: { unit: $unit, codes: [ONE_SIDED] }) {
      totalCount
    }
    NO_CONTACT: coordinationGaps(filter: { unit: $unit, codes: [NO_CONTACT] }) {
      totalCount
    }
    selected: unit(id: $unit) @include(if: $hasUnit) {
      key
      name
      ancestors {
        name
      }
      children {
        key
        name
      }
    }
    roots: units(filter: { rootsOnly: true, sector: [MUNICIPAL] }, first: 100, orderBy: { field: NAME, direction: ASC }) @skip(if: $hasUnit) {
      nodes {
        key
        name
      }
    }
  }
`);

graphql(`
  fragment GapListPage on CoordinationGapConnection {
    totalCount
    nodes {
      codes
      messages
      collaboration {
        key
        title
        kind
        status
        startDate
        endDate
        units {
          unit {
            name
          }
        }
      }
    }
  }
`);

type GapRow = GapOverviewQuery['list']['nodes'][number];

/** View 3: coordination gaps counted per code and per unit, and the list behind each bar. */
export default function Gaps({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const unitKey = params.get('unit') || null;
  const code = (params.get('code') as GapCode | null) || null;
  const listUnit = params.get('listUnit') || unitKey;
  const [picked, setPicked] = useState<Option | null>(unitKey ? { value: unitKey, label: unitKey } : null);
  // One request for the counts per code, the units to count and the list asked for; one more for the per-unit counts.
  const overview = useQuery(GapOverview, { unit: unitKey, hasUnit: Boolean(unitKey), listUnit, codes: code ? [code] : null });
  const candidates = overview.data ? (overview.data.selected?.children ?? overview.data.roots?.nodes ?? []) : [];
  const bars = candidates.slice(0, MAX_UNIT_BARS);
  const barKeys = bars.map((b) => b.key).join('\n');
  const countsDocument = useMemo(() => gapCountsByUnit(barKeys ? barKeys.split('\n') : []), [barKeys]);
  const unitCounts = useQuery(countsDocument, {}, bars.length === 0);
  const list = overview.data?.list;

  const go = (next: Record<string, string | null>) => {
    const query = new URLSearchParams(params);
    for (const [name, value] of Object.entries(next)) {
      if (value) query.set(name, value);
      else query.delete(name);
    }
    navigate(`/gaps${query.size ? `?${query}` : ''}`);
  };

  const selected = overview.data?.selected;
  const pickerValue = selected && picked?.value === selected.key ? { value: selected.key, label: selected.name, path: treePath(selected) } : picked;
  const codeValues = overview.data ? GAP_CODES.map((c) => overview.data![c].totalCount) : [];
  const unitValues = unitCounts.data ? bars.map((_, i) => unitCounts.data![`u${i}`]?.totalCount ?? 0) : [];
  const listUnitName = bars.find((b) => b.key === listUnit)?.name ?? selected?.name;
  const listTitle = [code ? label(t.gapCodes, code) : null, listUnitName].filter(Boolean).join(', ') || t.gaps.all;

  return (
    <>
      <h1>{t.gaps.title}</h1>
      <p className="intro">{t.gaps.intro}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(picked ? `/gaps?unit=${encodeURIComponent(picked.value)}` : '/gaps');
        }}
      >
        <UnitPicker label={t.columns.unit} value={pickerValue} onChange={setPicked} />
        <div className="field submit">
          <button type="submit" className="primary">
            {t.overlaps.apply}
          </button>
        </div>
      </form>
      <Status loading={overview.loading} error={overview.error ?? unitCounts.error} />
      {overview.data && (
        <div className="grid-2">
          <section aria-labelledby="by-code">
            <h2 id="by-code">
              {t.gaps.byCode} <span className="muted">({t.gaps.total}: {overview.data.total.totalCount})</span>
            </h2>
            <BarChart label={t.gaps.chartByCode} labels={GAP_CODES.map((c) => label(t.gapCodes, c))} values={codeValues} onPick={(i) => go({ code: GAP_CODES[i]! })} testId="chart-codes" />
            <table className="counts">
              <caption className="sr-only">{t.gaps.byCode}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.code}</th>
                  <th scope="col">{t.columns.count}</th>
                  <th scope="col">
                    <span className="sr-only">{t.gaps.showList}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {GAP_CODES.map((c, i) => (
                  <tr key={c}>
                    <th scope="row">{label(t.gapCodes, c)}</th>
                    <td>{codeValues[i]}</td>
                    <td>
                      <button type="button" className="link" onClick={() => go({ code: c })} aria-label={`${t.gaps.showList}: ${label(t.gapCodes, c)}`}>
                        {t.gaps.showList}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="by-unit">
            <h2 id="by-unit">{t.gaps.byUnit}</h2>
            {candidates.length > bars.length && <p className="muted">{t.gaps.unitsShown(bars.length, candidates.length)}</p>}
            {unitCounts.data && (
              <>
                <BarChart label={t.gaps.chartByUnit} labels={bars.map((b) => b.name)} values={unitValues} onPick={(i) => go({ listUnit: bars[i]!.key })} testId="chart-units" />
                <table className="counts">
                  <caption className="sr-only">{t.gaps.byUnit}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.columns.unit}</th>
                      <th scope="col">{t.columns.count}</th>
                      <th scope="col">
                        <span className="sr-only">{t.gaps.showList}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {bars.map((b, i) => (
                      <tr key={b.key}>
                        <th scope="row">{b.name}</th>
                        <td>{unitValues[i]}</td>
                        <td>
                          <button type="button" className="link" onClick={() => go({ listUnit: b.key })} aria-label={`${t.gaps.showList}: ${b.name}`}>
                            {t.gaps.showList}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </section>
        </div>
      )}
      {list && (
        <DataTable<GapRow>
          id="gap-list"
          caption={`${t.gaps.listFor(listTitle)} ${list.totalCount > list.nodes.length ? t.common.rowsShown(list.nodes.length, list.totalCount) : ''}`.trim()}
          exportName="coordination-gaps"
          filters={{ unit: listUnit, code }}
          rows={list.nodes}
          rowKey={(r) => r.collaboration.key}
          columns={[
            { label: t.columns.title, value: (r) => r.collaboration.title, render: (r) => <Link to={collaborationPath(r.collaboration.key)}>{r.collaboration.title}</Link> },
            { label: t.columns.gaps, value: (r) => r.codes.map((c) => label(t.gapCodes, c)).join('; ') },
            { label: t.columns.messages, value: (r) => r.messages.join(' ') },
            { label: t.columns.kind, value: (r) => label(t.kinds, r.collaboration.kind) },
            { label: t.columns.status, value: (r) => label(t.statuses, r.collaboration.status) },
            { label: t.columns.period, value: (r) => period(t, r.collaboration.startDate, r.collaboration.endDate) },
            { label: t.columns.units, value: (r) => r.collaboration.units.map((u) => u.unit.name).join('; ') },
          ]}
        />
      )}
    </>
  );
}
