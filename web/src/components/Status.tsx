import { useI18n } from '../i18n';

/** Loading and error lines, announced to screen readers. */
export function Status({ loading, error }: { loading: boolean; error: string | null }) {
  const { t } = useI18n();
  if (error)
    return (
      <p role="alert" className="error">
        {t.common.error}: {error}
      </p>
    );
  if (loading)
    return (
      <p role="status" className="muted">
        {t.common.loading}
      </p>
    );
  return null;
}
