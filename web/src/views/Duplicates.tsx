import { useState, type FormEvent } from 'react';
import type { Option } from '../components/Combobox';
import { DataTable } from '../components/DataTable';
import { Status } from '../components/Status';
import { UnitPicker } from '../components/UnitPicker';
import { graphql } from '../gql';
import type { DuplicatePageQuery } from '../gql/graphql';
import { useI18n } from '../i18n';
import { request, useSignedIn } from '../lib/client';
import { label, treePath, userErrorText } from '../lib/format';
import { collaborationPath, Link, navigate } from '../lib/router';
import { useQuery } from '../lib/use-query';

const DuplicatePage = graphql(`
  query DuplicatePage($filter: DuplicateFilterInput, $unit: ID!, $hasUnit: Boolean!) {
    unit(id: $unit) @include(if: $hasUnit) {
      key
      name
      ancestors {
        name
      }
    }
    duplicateCandidates(filter: $filter, first: 100) {
      totalCount
      nodes {
        score
        a {
          ...DuplicateSide
        }
        b {
          ...DuplicateSide
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
    }
  }
`);

graphql(`
  fragment DuplicateSide on Collaboration {
    id
    key
    title
    version
    units {
      unit {
        name
      }
    }
  }
`);

const ReviewDuplicate = graphql(`
  mutation ReviewDuplicate($input: DuplicateReviewInput!) {
    duplicateReview(input: $input) {
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

const MergeDuplicate = graphql(`
  mutation MergeDuplicate($input: CollaborationMergeInput!) {
    collaborationMerge(input: $input) {
      collaboration {
        key
        title
      }
      userErrors {
        field
        message
      }
    }
  }
`);

const UndoMerge = graphql(`
  mutation UndoMerge($input: RecordRestoreInput!) {
    recordRestore(input: $input) {
      userErrors {
        field
        message
      }
    }
  }
`);

type Candidate = DuplicatePageQuery['duplicateCandidates']['nodes'][number];
/** What an action came to: its message, and for a merge the record to restore to undo it. */
interface Outcome {
  text: string;
  undo?: { id: string; title: string };
}


/** View 4: collaborations probably registered twice, with the coordinator's merge or "two activities". */
export default function Duplicates({ params }: { params: URLSearchParams }) {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const asked = { unit: params.get('unit') || null, minScore: params.get('min') || '', includeReviewed: params.get('reviewed') === '1' };
  const [unit, setUnit] = useState<Option | null>(asked.unit ? { value: asked.unit, label: asked.unit } : null);
  const [minScore, setMinScore] = useState(asked.minScore);
  const [includeReviewed, setIncludeReviewed] = useState(asked.includeReviewed);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const min = Number(asked.minScore);
  const result = useQuery(DuplicatePage, {
    filter: { unit: asked.unit, minScore: asked.minScore && Number.isFinite(min) ? min : null, includeReviewed: asked.includeReviewed },
    unit: asked.unit ?? '',
    hasUnit: Boolean(asked.unit),
  });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const query = new URLSearchParams();
    if (unit) query.set('unit', unit.value);
    if (minScore) query.set('min', minScore);
    if (includeReviewed) query.set('reviewed', '1');
    setOutcome(null);
    navigate(`/duplicates${query.size ? `?${query}` : ''}`);
  };

  /**
   * Runs a coordinator's action, says what came of it, and reads the list again: after a change, and after a
   * refusal too, since another tab may have changed the pair meanwhile.
   */
  const act = async (run: () => Promise<{ error: string | null; done: Outcome }>) => {
    setBusy(true);
    try {
      const { error, done } = await run();
      setOutcome(error ? { text: error } : done);
      result.reload();
    } catch (error) {
      setOutcome({ text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const notDuplicate = (c: Candidate) =>
    act(async () => {
      const { data } = await request(ReviewDuplicate, { input: { a: c.a.key, b: c.b.key, decision: 'NOT_DUPLICATE' } });
      return { error: userErrorText(data.duplicateReview.userErrors), done: { text: t.duplicates.reviewed } };
    });
  const merge = (keep: Candidate['a'], remove: Candidate['a']) =>
    act(async () => {
      const { data } = await request(MergeDuplicate, { input: { keep: keep.id, keepVersion: keep.version, remove: remove.id, removeVersion: remove.version } });
      return { error: userErrorText(data.collaborationMerge.userErrors), done: { text: t.duplicates.merged(keep.title, remove.title), undo: { id: remove.id, title: remove.title } } };
    });
  // Restoring the record a merge removed undoes the merge (the API moves back what the merge moved).
  const undo = (removed: { id: string; title: string }) =>
    act(async () => {
      const { data } = await request(UndoMerge, { input: { id: removed.id } });
      return { error: userErrorText(data.recordRestore.userErrors), done: { text: t.duplicates.undone(removed.title) } };
    });

  const selected = result.data?.unit;
  const pickerValue = selected && unit?.value === selected.key ? { value: selected.key, label: selected.name, path: treePath(selected) } : unit;
  const candidates = result.data?.duplicateCandidates;
  const side = (c: Candidate['a']) => (
    <>
      <Link to={collaborationPath(c.key)}>{c.title}</Link> <span className="muted">({c.units.map((u) => u.unit.name).join(', ')})</span>
    </>
  );

  return (
    <>
      <h1>{t.duplicates.title}</h1>
      <p className="intro">{t.duplicates.intro}</p>
      <form className="filters" onSubmit={apply}>
        <UnitPicker label={t.columns.unit} value={pickerValue} onChange={setUnit} />
        <div className="field">
          <label htmlFor="duplicate-min-score">{t.duplicates.minScore}</label>
          <input id="duplicate-min-score" type="number" min="0.5" max="1" step="0.01" placeholder="0.7" value={minScore} onChange={(e) => setMinScore(e.target.value)} />
        </div>
        <div className="field check">
          <input id="duplicate-reviewed" type="checkbox" checked={includeReviewed} onChange={(e) => setIncludeReviewed(e.target.checked)} />
          <label htmlFor="duplicate-reviewed">{t.duplicates.includeReviewed}</label>
        </div>
        <div className="field submit">
          <button type="submit" className="primary">
            {t.overlaps.apply}
          </button>
        </div>
      </form>
      <Status loading={result.loading} error={result.error} />
      {outcome && (
        <p role="status" data-testid="duplicate-message">
          {outcome.text}{' '}
          {outcome.undo && (
            <button type="button" disabled={busy} onClick={() => undo(outcome.undo!)} data-action="undo">
              {t.duplicates.undo}
            </button>
          )}
        </p>
      )}
      {!signedIn && <p className="muted">{t.duplicates.needsToken}</p>}
      {candidates && candidates.nodes.length === 0 && <p>{t.duplicates.empty}</p>}
      {candidates && candidates.nodes.length > 0 && (
        <DataTable<Candidate>
          id="duplicate-pairs"
          caption={`${t.duplicates.pairs} ${candidates.totalCount > candidates.nodes.length ? t.common.rowsShown(candidates.nodes.length, candidates.totalCount) : ''}`.trim()}
          exportName="duplicates"
          filters={{ unit: asked.unit, min: asked.minScore, reviewed: asked.includeReviewed }}
          rows={candidates.nodes}
          rowKey={(c) => `${c.a.key}|${c.b.key}`}
          columns={[
            { label: t.columns.score, value: (c) => Math.round(c.score * 100) / 100 },
            { label: t.columns.a, value: (c) => c.a.title, render: (c) => side(c.a) },
            { label: t.columns.b, value: (c) => c.b.title, render: (c) => side(c.b) },
            {
              label: t.columns.reasons,
              value: (c) => c.reasons.map((r) => `${label(t.duplicateReasonCodes, r.code)}: ${r.message}`).join(' '),
              render: (c) => (
                <ul className="inline">
                  {c.reasons.map((r) => (
                    <li key={r.code}>
                      <strong>{label(t.duplicateReasonCodes, r.code)}:</strong> {r.message}
                    </li>
                  ))}
                </ul>
              ),
            },
            { label: t.columns.review, value: (c) => (c.review ? `${label(t.duplicateDecisions, c.review.decision)} (${c.review.reviewedBy})` : '') },
            ...(signedIn
              ? [
                  {
                    label: t.duplicates.actions,
                    screenOnly: true,
                    value: () => '',
                    render: (c: Candidate) => (
                      <div className="row" role="group" aria-label={`${t.duplicates.actions}: ${c.a.title} / ${c.b.title}`}>
                        <button type="button" disabled={busy} onClick={() => merge(c.a, c.b)} data-action="keep-a" title={t.duplicates.keepLabel(c.a.title, c.b.title)}>
                          {t.duplicates.keep('A')}
                        </button>
                        <button type="button" disabled={busy} onClick={() => merge(c.b, c.a)} data-action="keep-b" title={t.duplicates.keepLabel(c.b.title, c.a.title)}>
                          {t.duplicates.keep('B')}
                        </button>
                        <button type="button" disabled={busy} onClick={() => notDuplicate(c)} data-action="not-duplicate">
                          {t.duplicates.notDuplicate}
                        </button>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
    </>
  );
}
