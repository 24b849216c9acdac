import { useEffect, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import { useI18n } from '../i18n';
import { getToken, onTokenChange, request, setToken } from '../lib/client';

const WhoAmI = graphql(`
  query WhoAmI {
    topics(first: 1) {
      totalCount
    }
  }
`);

/** Sign-in by pasting an API token; it lives in sessionStorage only, so closing the tab signs out. */
export function SignIn() {
  const { t } = useI18n();
  const [signedIn, setSignedIn] = useState(() => Boolean(getToken()));
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => onTokenChange(() => setSignedIn(Boolean(getToken()))), []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // Any authenticated request tells whether the server knows the token (401 otherwise).
      await request(WhoAmI, {}, { token: draft.trim() });
      setToken(draft.trim());
      setDraft('');
      setError(null);
      setOpen(false);
    } catch {
      setError(t.signIn.rejected);
    }
  };

  if (signedIn) {
    return (
      <div className="signin">
        <span className="badge" data-testid="signed-in">
          {t.signIn.signedIn}
        </span>
        <button type="button" onClick={() => setToken(null)}>
          {t.signIn.signOut}
        </button>
      </div>
    );
  }
  return (
    <div className="signin">
      {!open && (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={open}>
          {t.signIn.open}
        </button>
      )}
      {open && (
        <form onSubmit={submit} className="signin-form" aria-label={t.signIn.title}>
          <label htmlFor="token-input">{t.signIn.tokenLabel}</label>
          <input id="token-input" ref={input} type="password" autoComplete="off" value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="token-help" required />
          <small id="token-help" className="help">
            {t.signIn.tokenHelp}
          </small>
          <div className="row">
            <button type="submit">{t.signIn.submit}</button>
            <button type="button" onClick={() => setOpen(false)}>
              {t.signIn.cancel}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
