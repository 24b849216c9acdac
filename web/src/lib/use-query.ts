import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { onTokenChange, request } from './client';
import { useI18n } from '../i18n';

export interface QueryState<T> {
  data: T | null;
  absent: string[];
  error: string | null;
  loading: boolean;
  reload(): void;
}

/**
 * Runs a query when `variables` change (or the token, or the interface's language: the server's explanations come
 * in it); `skip` holds it back until the inputs are complete.
 */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, skip = false): QueryState<TResult> {
  const [state, setState] = useState<Omit<QueryState<TResult>, 'reload'>>({ data: null, absent: [], error: null, loading: !skip });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => onTokenChange(reload), [reload]);
  const key = JSON.stringify(variables);
  const { lang } = useI18n();
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    request(document, variables, { signal: controller.signal, language: lang }).then(
      (result) => setState({ data: result.data, absent: result.absent, error: null, loading: false }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ data: null, absent: [], error: error.message, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, skip, tick, lang]);
  return { ...state, reload };
}
