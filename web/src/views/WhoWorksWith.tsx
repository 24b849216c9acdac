import { useEffect, useState, type FormEvent } from 'react';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { TopicPicker } from '../components/TopicPicker';
import { UnitPicker } from '../components/UnitPicker';
import type { Option } from '../components/Combobox';
import { graphql } from '../gql';
import type { WhoWorksWithQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { label, period, topicLabel, treePath } from '../lib/format';
import { collaborationPath, Link, navigate, unitPath as unitLink } from '../lib/router';
import { useQuery } from '../lib/use-query';

const WhoWorksWithDocument = graphql(`
  query WhoWorksWith($unit: ID!, $topic: String!, $activeOn: Date) {
    unit(id: $unit) {
      key
      name
      ancestors {
        name
      }
    }
    whoWorksWith(unit: $unit, topic: $topic, activeOn: $activeOn, limit: 100) {
      topics {
        key
        label
        labelEn
      }
      similarTopics {
        collaborations
        topic {
          key
          label
          labelEn
        }
      }
      collaborations {
        score
        reasons
        collaboration {
          key
          title
          kind
          status
          startDate
          endDate
          agreement {
            key
            title
          }
          units {
            role
            unit {
              key
              name
            }
          }
        }
      }
      people {
        score
        roles
        person {
          key
          name
          title
          email
          phone
        }
        collaborations {
          key
          title
        }
      }
      units {
        score
        unit {
          key
          name
        }
        collaborations {
          key
        }
      }
    }
  }
`);

type Result = WhoWorksWithQuery['whoWorksWith'];
type CollaborationRow = Result['collaborations'][number];
type PersonRow = NonNullable<Result['people']>[number];
type UnitRow = Result['units'][number];

/** The address of this view asking about `unit` and `topic` (a topic's key or words), on `date` if given. */
function askedPath(unit: string, topic: string, date: string | null): string {
  const query = new URLSearchParams({ unit, topic });
  if (date) query.set('date', date);
  return `/?${query}`;
}

/** View 1: "who already works with unit X on topic Y?" — the coordinator's question, without GraphQL. */
export function WhoWorksWith({ params }: { params: URLSearchParams }) {
  const { t, lang } = useI18n();
  const topicName = (topic: { label: string; labelEn?: string | null }) => topicLabel(lang, topic);
  const asked = { unit: params.get('unit') ?? '', topic: params.get('topic') ?? '', activeOn: params.get('date') || null };
  const [unit, setUnit] = useState<Option | null>(asked.unit ? { value: asked.unit, label: asked.unit } : null);
  const [topic, setTopic] = useState(asked.topic);
  // A similar topic's link asks anew from the same view: its box shows what is asked now.
  useEffect(() => setTopic(asked.topic), [asked.topic]);
  const [date, setDate] = useState(asked.activeOn ?? '');
  const [hint, setHint] = useState(false);
  const result = useQuery(WhoWorksWithDocument, asked, !asked.unit || !asked.topic);
  // A unit named in the address arrives as a key; the answer brings its name and path for the picker.
  const loaded = result.data?.unit;
  const pickerValue = loaded && unit?.value === loaded.key ? { value: loaded.key, label: loaded.name, path: treePath(loaded) } : unit;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const unitKey = unit?.value ?? '';
    if (!unitKey || !topic.trim()) {
      setHint(true);
      return;
    }
    setHint(false);
    navigate(askedPath(unitKey, topic.trim(), date || null));
  };

  const answer = result.data?.whoWorksWith;
  const filters = { unit: asked.unit, topic: asked.topic, date: asked.activeOn };
  return (
    <>
      <h1>{t.who.title}</h1>
      <p className="intro">{t.who.intro}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t.who.title}>
        <UnitPicker label={t.who.unit} help={t.who.unitHelp} value={pickerValue} onChange={setUnit} />
        <TopicPicker label={t.who.topic} help={t.who.topicHelp} text={topic} onChange={setTopic} />
        <div className="field">
          <label htmlFor="who-date">{t.who.date}</label>
          <input id="who-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div className="field submit">
          <button type="submit" className="primary">
            {t.who.submit}
          </button>
        </div>
        {hint && (
          <p role="alert" className="error">
            {t.who.needUnitTopic}
          </p>
        )}
      </form>
      <Status loading={result.loading && Boolean(asked.unit)} error={result.error} />
      {answer && (
        <div className="results" data-testid="who-results">
          {answer.topics.length > 0 ? (
            <p data-testid="who-topics">
              {t.who.readAs}: {answer.topics.map(topicName).join(', ')}
            </p>
          ) : (
            <p className="notice" data-testid="who-topics">
              {t.who.noTopic(asked.topic)}
            </p>
          )}
          {answer.collaborations.length === 0 && <p role="status">{t.who.noResults}</p>}
          {answer.similarTopics.length > 0 && (
            <p data-testid="who-similar">
              {answer.collaborations.length > 0 ? t.who.similarAlso : t.who.similarInstead}:{' '}
              {answer.similarTopics.map((similar, i) => (
                <span key={similar.topic.key}>
                  {i > 0 && ', '}
                  <Link to={askedPath(asked.unit, similar.topic.key, asked.activeOn)}>{topicName(similar.topic)}</Link> ({t.who.similarCount(similar.collaborations)})
                </span>
              ))}
            </p>
          )}
          {answer.collaborations.length > 0 && (
            <DataTable<CollaborationRow>
              id="who-collaborations"
              caption={t.who.collaborations}
              exportName="who-works-with"
              filters={filters}
              rows={answer.collaborations}
              rowKey={(r) => r.collaboration.key}
              columns={[
                {
                  label: t.columns.title,
                  value: (r) => r.collaboration.title,
                  render: (r) => <Link to={collaborationPath(r.collaboration.key)}>{r.collaboration.title}</Link>,
                },
                { label: t.columns.kind, value: (r) => label(t.kinds, r.collaboration.kind) },
                { label: t.columns.period, value: (r) => period(t, r.collaboration.startDate, r.collaboration.endDate) },
                {
                  label: t.columns.units,
                  value: (r) => r.collaboration.units.map((u) => u.unit.name).join('; '),
                  render: (r) => (
                    <ul className="inline">
                      {r.collaboration.units.map((u) => (
                        <li key={u.unit.key}>
                          <Link to={unitLink(u.unit.key)}>{u.unit.name}</Link> <span className="muted">({label(t.roles, u.role)})</span>
                        </li>
                      ))}
                    </ul>
                  ),
                },
                { label: t.columns.agreement, value: (r) => r.collaboration.agreement?.title ?? '' },
                { label: t.columns.score, value: (r) => r.score },
              ]}
            />
          )}
          {answer.people ? (
            answer.people.length > 0 && (
              <DataTable<PersonRow>
                id="who-people"
                caption={t.who.people}
                exportName="who-works-with-people"
                filters={filters}
                rows={answer.people}
                rowKey={(r) => r.person.key}
                columns={[
                  { label: t.columns.name, value: (r) => r.person.name },
                  { label: t.columns.roles, value: (r) => r.roles.map((role) => label(t.roles, role)).join(', ') },
                  { label: t.columns.email, value: (r) => r.person.email ?? '', render: (r) => (r.person.email ? <a href={`mailto:${r.person.email}`}>{r.person.email}</a> : '') },
                  { label: t.columns.phone, value: (r) => r.person.phone ?? '' },
                  {
                    label: t.columns.collaborations,
                    value: (r) => r.collaborations.map((c) => c.title).join('; '),
                    render: (r) => (
                      <ul className="inline">
                        {r.collaborations.map((c) => (
                          <li key={c.key}>
                            <Link to={collaborationPath(c.key)}>{c.title}</Link>
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            )
          ) : (
            <p className="notice" data-testid="people-hidden">
              {t.common.hiddenPersonal}
            </p>
          )}
          {answer.units.length > 0 && (
            <DataTable<UnitRow>
              id="who-units"
              caption={t.who.units}
              exportName="who-works-with-units"
              filters={filters}
              rows={answer.units}
              rowKey={(r) => r.unit.key}
              columns={[
                { label: t.columns.unit, value: (r) => r.unit.name, render: (r) => <Link to={unitLink(r.unit.key)}>{r.unit.name}</Link> },
                { label: t.columns.collaborations, value: (r) => r.collaborations.length },
                { label: t.columns.score, value: (r) => r.score },
              ]}
            />
          )}
        </div>
      )}
    </>
  );
}
