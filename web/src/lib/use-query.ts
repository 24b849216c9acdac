import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { onTokenChange, request } from './client';

export interface QueryState<T> {
  data: T | null;
  absent: string[];
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** Runs a query when `variables` change (or the token does); `skip` holds it back until the inputs are complete. */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, skip = false): QueryState<TResult> {
  const [state, setState] = useState<Omit<QueryState<TResult>, 'reload'>>({ data: null, absent: [], error: null, loading: !skip });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => onTokenChange(reload), [reload]);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    request(document, variables, { signal: controller.signal }).then(
      (result) => setState({ data: result.data, absent: result.absent, error: null, loading: false }),
      (error: Error) => {
        if (!controller.signal.aborted) setState({ data: null, absent: [], error: error.message, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, skip, tick]);
  return { ...state, reload };
}
