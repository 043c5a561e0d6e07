import { PortalError } from './api';
import { useWords } from './i18n';

/** What went wrong, in the reader's words: too many tries (with how long to wait), nothing found, or anything else. */
export function Problem({ error }: { error: unknown }) {
  const { t } = useWords();
  if (!error) return null;
  const text =
    error instanceof PortalError && error.status === 429
      ? t('portal.tooMany', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) })
      : error instanceof PortalError && error.status === 404
        ? t('portal.notFound')
        : t('portal.error');
  return (
    <p className="problem" role="alert">
      {text}
    </p>
  );
}
