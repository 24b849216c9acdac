import { useSyncExternalStore } from 'react';
import type { TypedDocumentString } from '../gql/graphql';

/**
 * The whole GraphQL client: POST to /graphql with the signed-in token. The server answers fields it will not show
 * this caller (e-mail, phone, contacts, history) with null plus a FORBIDDEN (or, for anonymous callers,
 * UNAUTHENTICATED) error on that nested path; those are "absent", not a failure.
 */
const TOKEN_KEY = 'registry.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
  listeners.forEach((listener) => listener());
}

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const WITHHELD = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

export const useSignedIn = () => useSyncExternalStore(onTokenChange, () => Boolean(getToken()));

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

export interface Result<T> {
  data: T;
  /** Paths (joined with '.') the server withheld from this caller. */
  absent: string[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  options: { signal?: AbortSignal; token?: string | null; language?: string } = {},
): Promise<Result<TResult>> {
  const token = options.token === undefined ? getToken() : options.token;
  // The server writes its explanations (overlap reasons, gaps) in the language asked for: the interface's own.
  const language = options.language ?? (globalThis.document.documentElement.lang || 'nb');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': language,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal: options.signal,
  });
  let body: { data?: TResult | null; errors?: GraphQLErrorShape[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}`, undefined);
  }
  const errors = body.errors ?? [];
  const withheld = errors.filter((e) => WITHHELD.has(e.extensions?.code ?? '') && e.path && e.path.length > 1);
  const failures = errors.filter((e) => !withheld.includes(e));
  if (failures.length || !body.data) {
    const first = failures[0] ?? errors[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, first?.extensions?.code);
  }
  return { data: body.data, absent: withheld.map((e) => e.path!.join('.')) };
}
