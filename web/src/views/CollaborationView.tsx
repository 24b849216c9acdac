import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { graphql } from '../gql';
import type { CollaborationPageQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { label, period, treePath } from '../lib/format';
import { collaborationPath, Link, unitPath } from '../lib/router';
import { useQuery } from '../lib/use-query';
import { useSignedIn } from '../lib/client';

const CollaborationPage = graphql(`
  query CollaborationPage($key: ID!, $signedIn: Boolean!) {
    collaboration(id: $key) {
      key
      title
      kind
      status
      startDate
      endDate
      summary
      keywords
      links
      agreement {
        key
        title
        validFrom
        validTo
      }
      parent {
        key
        title
      }
      children {
        key
        title
      }
      topics {
        key
        label
        labelEn
      }
      units {
        role
        unit {
          key
          name
          ancestors {
            name
          }
        }
      }
      people {
        role
        person {
          key
          name
          title
          email
          phone
        }
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
        }
      }
      gaps {
        codes
        messages
      }
      history(first: 50) @include(if: $signedIn) {
        nodes {
          at
          actor
          action
          changes {
            field
            before
            after
          }
        }
      }
    }
  }
`);

type Collaboration = NonNullable<CollaborationPageQuery['collaboration']>;
type Overlap = Collaboration['overlaps'][number];
type HistoryRow = NonNullable<Collaboration['history']>['nodes'][number];
type PersonRow = Collaboration['people'][number];

const show = (value: unknown) => (value === null || value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value));

/** View 5: everything about one collaboration, its history (signed in), its overlaps with reasons, its gaps. */
export default function CollaborationView({ collaborationKey }: { collaborationKey: string }) {
  const { t, lang } = useI18n();
  // History is for signed-in callers only (the server answers anonymous callers with 401), so it is not asked for.
  const signedIn = useSignedIn();
  const result = useQuery(CollaborationPage, { key: collaborationKey, signedIn });
  if (result.loading || result.error) return <Status loading={result.loading} error={result.error} />;
  const c = result.data?.collaboration;
  if (!c) return <p role="alert">{t.collaboration.notFound}</p>;
  const personalAbsent = result.absent.some((p) => p.includes('people'));
  const other = (o: Overlap) => (o.a.key === c.key ? o.b : o.a);
  return (
    <>
      <p className="muted">{label(t.kinds, c.kind)}</p>
      <h1>{c.title}</h1>
      <dl className="facts">
        <dt>{t.columns.status}</dt>
        <dd>{label(t.statuses, c.status)}</dd>
        <dt>{t.columns.period}</dt>
        <dd>{period(t, c.startDate, c.endDate)}</dd>
        <dt>{t.columns.agreement}</dt>
        <dd>{c.agreement ? `${c.agreement.title} (${period(t, c.agreement.validFrom, c.agreement.validTo)})` : t.common.none}</dd>
        <dt>{t.collaboration.topics}</dt>
        <dd>{c.topics.map((topic) => (lang === 'en' && topic.labelEn) || topic.label).join(', ') || t.common.none}</dd>
        {c.keywords.length > 0 && (
          <>
            <dt>{t.collaboration.keywords}</dt>
            <dd>{c.keywords.join(', ')}</dd>
          </>
        )}
        {c.parent && (
          <>
            <dt>{t.collaboration.parent}</dt>
            <dd>
              <Link to={collaborationPath(c.parent.key)}>{c.parent.title}</Link>
            </dd>
          </>
        )}
        {c.children.length > 0 && (
          <>
            <dt>{t.collaboration.children}</dt>
            <dd>
              <ul className="inline">
                {c.children.map((child) => (
                  <li key={child.key}>
                    <Link to={collaborationPath(child.key)}>{child.title}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {c.links.length > 0 && (
          <>
            <dt>{t.collaboration.links}</dt>
            <dd>
              <ul className="inline">
                {c.links.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      {c.summary && (
        <section aria-labelledby="c-summary">
          <h2 id="c-summary">{t.collaboration.summary}</h2>
          <p>{c.summary}</p>
        </section>
      )}
      <section aria-labelledby="c-units">
        <h2 id="c-units">{t.columns.units}</h2>
        <ul>
          {c.units.map((u) => (
            <li key={u.unit.key}>
              <Link to={unitPath(u.unit.key)}>{treePath(u.unit)}</Link> <span className="muted">({label(t.roles, u.role)})</span>
            </li>
          ))}
        </ul>
      </section>
      <DataTable<PersonRow>
        id="c-people"
        caption={t.collaboration.people}
        exportName={`people_${c.key}`}
        rows={c.people}
        rowKey={(p) => `${p.person.key}:${p.role}`}
        columns={[
          { label: t.columns.name, value: (p) => p.person.name },
          { label: t.columns.role, value: (p) => label(t.roles, p.role) },
          { label: t.columns.email, value: (p) => p.person.email ?? '' },
          { label: t.columns.phone, value: (p) => p.person.phone ?? '' },
        ]}
      />
      {personalAbsent && <p className="notice">{t.common.hiddenPersonal}</p>}
      <section aria-labelledby="c-gaps">
        <h2 id="c-gaps">{t.collaboration.gaps}</h2>
        {c.gaps.codes.length === 0 ? (
          <p>{t.collaboration.noGaps}</p>
        ) : (
          <ul data-testid="collaboration-gaps">
            {c.gaps.codes.map((code, i) => (
              <li key={code}>
                <strong>{label(t.gapCodes, code)}:</strong> {c.gaps.messages[i]}
              </li>
            ))}
          </ul>
        )}
      </section>
      {c.overlaps.length === 0 ? (
        <section aria-labelledby="c-overlaps">
          <h2 id="c-overlaps">{t.collaboration.overlaps}</h2>
          <p>{t.collaboration.noOverlaps}</p>
        </section>
      ) : (
        <DataTable<Overlap>
          id="c-overlaps"
          caption={t.collaboration.overlaps}
          exportName={`overlaps_${c.key}`}
          rows={c.overlaps}
          rowKey={(o) => other(o).key}
          columns={[
            { label: t.columns.title, value: (o) => other(o).title, render: (o) => <Link to={collaborationPath(other(o).key)}>{other(o).title}</Link> },
            { label: t.columns.score, value: (o) => o.score },
            {
              label: t.columns.reasons,
              value: (o) => o.reasons.map((r) => r.message).join(' '),
              render: (o) => (
                <ul className="inline">
                  {o.reasons.map((r) => (
                    <li key={r.code}>
                      <strong>{label(t.reasonCodes, r.code)}:</strong> {r.message}
                    </li>
                  ))}
                </ul>
              ),
            },
            { label: t.columns.review, value: (o) => (o.review ? label(t.decisions, o.review.decision) : '') },
          ]}
        />
      )}
      {c.history ? (
        <DataTable<HistoryRow>
          id="c-history"
          caption={t.collaboration.history}
          exportName={`history_${c.key}`}
          rows={c.history.nodes}
          rowKey={(h) => `${h.at}:${h.action}:${h.actor}`}
          columns={[
            { label: t.columns.at, value: (h) => h.at },
            { label: t.columns.actor, value: (h) => h.actor },
            { label: t.columns.action, value: (h) => label(t.actions, h.action) },
            { label: t.columns.changes, value: (h) => h.changes.map((ch) => `${ch.field}: ${show(ch.before)} → ${show(ch.after)}`).join('; ') },
          ]}
        />
      ) : (
        <section aria-labelledby="c-history-hidden">
          <h2 id="c-history-hidden">{t.collaboration.history}</h2>
          <p className="notice">{t.collaboration.historyHidden}</p>
        </section>
      )}
    </>
  );
}
