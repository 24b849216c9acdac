import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ElementDefinition } from 'cytoscape';
import type { Option } from '../components/Combobox';
import { DataTable } from '../components/DataTable';
import { Network, type NetworkHandle } from '../components/Network';
import { Status } from '../components/Status';
import { TopicPicker } from '../components/TopicPicker';
import { UnitPicker } from '../components/UnitPicker';
import { graphql } from '../gql';
import type { OverlapClustersQuery, ReviewDecision } from '../gql/graphql';
import { useI18n } from '../i18n';
import { request, useSignedIn } from '../lib/client';
import { download, fileName } from '../lib/export';
import { label, treePath, userErrorText } from '../lib/format';
import { collaborationPath, Link, navigate } from '../lib/router';
import { useQuery } from '../lib/use-query';

const OverlapClusters = graphql(`
  query OverlapClusters($filter: OverlapFilterInput, $unit: ID!, $hasUnit: Boolean!, $after: String) {
    unit(id: $unit) @include(if: $hasUnit) {
      key
      name
      ancestors {
        name
      }
    }
    overlapClusters(filter: $filter, first: 12, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        score
        sharedUnits {
          key
          name
        }
        collaborations {
          key
          title
        }
        overlaps {
          score
          a {
            key
            title
          }
          b {
            key
            title
          }
          reasons {
            code
            message
          }
          review {
            decision
            reviewedBy
          }
        }
        contacts {
          role
          collaboration {
            key
          }
          person {
            key
            name
            email
            phone
          }
        }
      }
    }
  }
`);

const Review = graphql(`
  mutation Review($input: OverlapReviewInput!) {
    overlapReview(input: $input) {
      review {
        decision
      }
      userErrors {
        field
        message
      }
    }
  }
`);

type Cluster = OverlapClustersQuery['overlapClusters']['nodes'][number];
type Pair = Cluster['overlaps'][number] & { id: string; cluster: number };
const DECISIONS: ReviewDecision[] = ['KNOWN', 'NOT_OVERLAP', 'CONFIRMED'];
const pairId = (a: string, b: string) => `pair:${a}|${b}`;

/**
 * Clusters packed in rows (largest first, as the API orders them), each cluster's collaborations on a circle
 * around its shared units: positions computed here, so the picture needs no force layout however large.
 */
function toElements(clusters: Cluster[]): ElementDefinition[] {
  const elements: ElementDefinition[] = [];
  const radiusOf = (cluster: Cluster) => 30 + cluster.collaborations.length * 9;
  const boxes = clusters.map((cluster) => 2 * radiusOf(cluster) + 90);
  const rowWidth = 1.3 * Math.sqrt(boxes.reduce((sum, box) => sum + box * box, 0));
  let left = 0;
  let top = 0;
  let rowHeight = 0;
  clusters.forEach((cluster, i) => {
    const box = boxes[i]!;
    if (left > 0 && left + box > rowWidth) {
      left = 0;
      top += rowHeight;
      rowHeight = 0;
    }
    const cx = left + box / 2;
    const cy = top + box / 2;
    left += box;
    rowHeight = Math.max(rowHeight, box);
    const radius = radiusOf(cluster);
    cluster.sharedUnits.forEach((unit, j) => {
      const id = `unit:${unit.key}:${i}`;
      elements.push({ group: 'nodes', data: { id, label: unit.name }, classes: 'unit', position: { x: cx + (j - (cluster.sharedUnits.length - 1) / 2) * 60, y: cy } });
    });
    cluster.collaborations.forEach((c, j) => {
      const angle = (2 * Math.PI * j) / cluster.collaborations.length;
      elements.push({ group: 'nodes', data: { id: `c:${c.key}`, label: c.title, key: c.key }, classes: 'collaboration', position: { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) } });
      for (const unit of cluster.sharedUnits) elements.push({ group: 'edges', data: { id: `m:${c.key}:${unit.key}:${i}`, source: `c:${c.key}`, target: `unit:${unit.key}:${i}` }, classes: 'member' });
    });
    for (const o of cluster.overlaps) {
      elements.push({ group: 'edges', data: { id: pairId(o.a.key, o.b.key), source: `c:${o.a.key}`, target: `c:${o.b.key}`, score: o.score }, classes: o.review ? 'overlap reviewed' : 'overlap' });
    }
  });
  return elements;
}

/** View 2: flagged overlaps as a network, their reasons, the people to contact, and the coordinator's review. */
export default function Overlaps({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const asked = {
    unit: params.get('unit') || null,
    topic: params.get('topic') || null,
    minScore: params.get('min') ? Number(params.get('min')) : null,
    includeReviewed: params.get('reviewed') === '1',
  };
  const [unit, setUnit] = useState<Option | null>(asked.unit ? { value: asked.unit, label: asked.unit } : null);
  const [topic, setTopic] = useState(asked.topic ?? '');
  const [minScore, setMinScore] = useState(asked.minScore === null ? '' : String(asked.minScore));
  const [includeReviewed, setIncludeReviewed] = useState(asked.includeReviewed);
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const network = useRef<NetworkHandle | null>(null);
  const panel = useRef<HTMLElement>(null);

  const variables = {
    filter: { unit: asked.unit, topic: asked.topic, minScore: asked.minScore, includeReviewed: asked.includeReviewed },
    unit: asked.unit ?? '',
    hasUnit: Boolean(asked.unit),
    after: null,
  };
  const result = useQuery(OverlapClusters, variables);
  // Further pages of clusters, fetched on request and appended to the first.
  const [more, setMore] = useState<{ clusters: Cluster[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore(null), [result.data]);
  const pageInfo = more?.pageInfo ?? result.data?.overlapClusters.pageInfo;
  const loadMore = async () => {
    setLoadingMore(true);
    try {
      const { data } = await request(OverlapClusters, { ...variables, after: pageInfo?.endCursor ?? null });
      setMore((previous) => ({ clusters: [...(previous?.clusters ?? []), ...data.overlapClusters.nodes], pageInfo: data.overlapClusters.pageInfo }));
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };
  const clusters = useMemo(() => [...(result.data?.overlapClusters.nodes ?? []), ...(more?.clusters ?? [])], [result.data, more]);
  const elements = useMemo(() => toElements(clusters), [clusters]);
  const pairs = useMemo<Pair[]>(() => clusters.flatMap((c, i) => c.overlaps.map((o) => ({ ...o, id: pairId(o.a.key, o.b.key), cluster: i }))), [clusters]);
  const shownId = hovered ?? selected;
  const shown = pairs.find((p) => p.id === shownId) ?? null;
  const contactsAbsent = result.absent.some((path) => path.includes('contacts'));
  const loaded = result.data?.unit;
  const pickerValue = loaded && unit?.value === loaded.key ? { value: loaded.key, label: loaded.name, path: treePath(loaded) } : unit;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams();
    if (unit) query.set('unit', unit.value);
    if (topic.trim()) query.set('topic', topic.trim());
    if (minScore) query.set('min', minScore);
    if (includeReviewed) query.set('reviewed', '1');
    navigate(`/overlaps${query.size ? `?${query}` : ''}`);
  };

  const review = useCallback(
    async (pair: Pair, decision: ReviewDecision) => {
      try {
        const { data } = await request(Review, { input: { a: pair.a.key, b: pair.b.key, decision } });
        const error = userErrorText(data.overlapReview.userErrors);
        setMessage(error ?? t.overlaps.reviewed(label(t.decisions, decision)));
        if (!error) {
          setSelected(null);
          result.reload();
        }
      } catch (error) {
        setMessage((error as Error).message);
      }
    },
    [result, t],
  );

  const filters = { unit: asked.unit, topic: asked.topic, min: asked.minScore, reviewed: asked.includeReviewed };
  const contactsOf = (key: string) => clusters[shown?.cluster ?? 0]?.contacts?.filter((c) => c.collaboration.key === key) ?? [];

  return (
    <>
      <h1>{t.overlaps.title}</h1>
      <p className="intro">{t.overlaps.intro}</p>
      <form className="filters" onSubmit={apply}>
        <UnitPicker label={t.columns.unit} value={pickerValue} onChange={setUnit} />
        <TopicPicker label={t.who.topic} text={topic} onChange={setTopic} />
        <div className="field">
          <label htmlFor="min-score">{t.overlaps.minScore}</label>
          <input id="min-score" type="number" min="0" max="1" step="0.05" placeholder="0.5" value={minScore} onChange={(e) => setMinScore(e.target.value)} />
        </div>
        <div className="field check">
          <input id="include-reviewed" type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} />
          <label htmlFor="include-reviewed">{t.overlaps.includeReviewed}</label>
        </div>
        <div className="field submit">
          <button type="submit" className="primary">
            {t.overlaps.apply}
          </button>
        </div>
      </form>
      <Status loading={result.loading} error={result.error} />
      {message && (
        <p role="status" className="notice" data-testid="review-message">
          {message}
        </p>
      )}
      {result.data && pairs.length === 0 && <p role="status">{t.overlaps.empty}</p>}
      {result.data && pairs.length > 0 && (
        <>
          <h2>{t.overlaps.network}</h2>
          <p className="muted">
            {t.overlaps.clusters(clusters.length, result.data.overlapClusters.totalCount)} · {t.overlaps.nodes(elements.filter((e) => e.group === 'nodes').length)} · {t.overlaps.selectHint}
            {pageInfo?.hasNextPage && (
              <>
                {' '}
                <button type="button" onClick={loadMore} disabled={loadingMore}>
                  {t.common.loadMore}
                </button>
              </>
            )}
          </p>
          <div className="overlap-layout">
            <div>
              <Network
                label={t.overlaps.networkLabel}
                elements={elements}
                selected={selected}
                onHover={setHovered}
                onSelect={(id) => {
                  if (id.startsWith('pair:')) setSelected(id);
                  else if (id.startsWith('c:')) navigate(collaborationPath(id.slice(2)));
                }}
                handle={(h) => (network.current = h)}
              />
              <div className="table-tools">
                <button type="button" onClick={async () => network.current && download(await network.current.png(), fileName('overlap-network', filters, 'png'))}>
                  {t.exporting.png}
                </button>
                <button
                  type="button"
                  onClick={() => network.current && download(new Blob([network.current.svg()], { type: 'image/svg+xml' }), fileName('overlap-network', filters, 'svg'))}
                >
                  {t.exporting.svg}
                </button>
              </div>
            </div>
            <aside className="panel" aria-live="polite" data-testid="pair-panel" ref={panel}>
              <h3>{t.overlaps.selected}</h3>
              {!shown && <p className="muted">{t.overlaps.selectHint}</p>}
              {shown && (
                <>
                  <p>
                    <Link to={collaborationPath(shown.a.key)}>{shown.a.title}</Link> ↔ <Link to={collaborationPath(shown.b.key)}>{shown.b.title}</Link>
                  </p>
                  <p>
                    {t.columns.score}: <strong>{shown.score}</strong>
                    {shown.review && ` · ${t.columns.review}: ${label(t.decisions, shown.review.decision)} (${shown.review.reviewedBy})`}
                  </p>
                  <ul data-testid="pair-reasons">
                    {shown.reasons.map((r) => (
                      <li key={r.code}>
                        <strong>{label(t.reasonCodes, r.code)}:</strong> {r.message}
                      </li>
                    ))}
                  </ul>
                  <h4>{t.overlaps.contacts}</h4>
                  {contactsAbsent ? (
                    <p className="muted">{t.common.hiddenPersonal}</p>
                  ) : (
                    <ul>
                      {[...contactsOf(shown.a.key), ...contactsOf(shown.b.key)].map((c) => (
                        <li key={`${c.collaboration.key}:${c.person.key}:${c.role}`}>
                          {c.person.name} ({label(t.roles, c.role)}){c.person.email && <> · <a href={`mailto:${c.person.email}`}>{c.person.email}</a></>}
                          {c.person.phone && ` · ${c.person.phone}`}
                        </li>
                      ))}
                    </ul>
                  )}
                  {signedIn ? (
                    <div role="group" aria-label={t.overlaps.markAs} className="row">
                      <span>{t.overlaps.markAs}:</span>
                      {DECISIONS.map((d) => (
                        <button key={d} type="button" onClick={() => review(shown, d)} data-decision={d}>
                          {label(t.decisions, d)}
                        </button>
                      ))}
                    </div>
                  ) : (
                    <p className="muted">{t.overlaps.reviewNeedsToken}</p>
                  )}
                </>
              )}
            </aside>
          </div>
          <DataTable<Pair>
            id="overlap-pairs"
            caption={t.overlaps.pairs}
            exportName="overlaps"
            filters={filters}
            rows={pairs}
            rowKey={(p) => p.id}
            columns={[
              {
                label: t.columns.a,
                value: (p) => p.a.title,
                render: (p) => <Link to={collaborationPath(p.a.key)}>{p.a.title}</Link>,
              },
              {
                label: t.columns.b,
                value: (p) => p.b.title,
                render: (p) => <Link to={collaborationPath(p.b.key)}>{p.b.title}</Link>,
              },
              { label: t.columns.score, value: (p) => p.score },
              { label: t.columns.reasons, value: (p) => p.reasons.map((r) => r.message).join(' ') },
              { label: t.columns.review, value: (p) => (p.review ? label(t.decisions, p.review.decision) : '') },
              {
                label: t.overlaps.selectPair,
                value: () => null,
                screenOnly: true,
                render: (p) => (
                  <button
                    type="button"
                    className="link"
                    aria-pressed={selected === p.id}
                    onClick={() => {
                      setSelected(p.id);
                      // The panel with the reasons and the review buttons sits above the table: bring it into view.
                      panel.current?.scrollIntoView({ block: 'nearest' });
                    }}
                    aria-label={`${t.overlaps.selectPair}: ${p.a.title} ↔ ${p.b.title}`}>
                    {t.overlaps.selectPair}
                  </button>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
