import { useState, type FormEvent } from 'react';
import { PortalError, portal } from '../api';
import { useWords } from '../i18n';
import { Problem } from '../Problem';

interface Status {
  reference: string;
  status: string;
  filedOn: string;
  lastChangedOn: string;
}

/** A report followed by its reference and secret: the status and two dates, nothing an officer wrote. */
export function FollowScreen() {
  const { t, day } = useWords();
  const [reference, setReference] = useState('');
  const [secret, setSecret] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStatus(null);
    try {
      // The secret travels in a header, never in the address bar or a log.
      setStatus(await portal<Status>('GET', `/grievances/${encodeURIComponent(reference.trim().toUpperCase())}`, { headers: { 'x-grievance-secret': secret.trim() } }));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section>
      <p>{t('follow.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t('follow.reference')}
          <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={40} required autoCapitalize="characters" />
        </label>
        <label>
          {t('follow.secret')}
          <input value={secret} onChange={(e) => setSecret(e.target.value)} maxLength={40} required autoComplete="off" />
        </label>
        <button type="submit">{t('follow.check')}</button>
      </form>
      {error instanceof PortalError && error.status === 404 ? (
        <p className="problem" role="alert">
          {t('follow.notFound')}
        </p>
      ) : (
        <Problem error={error} />
      )}
      {status && (
        <div role="status" data-status={status.status}>
          <h2>{t('follow.status', { status: t(`status.${status.status}`) })}</h2>
          <p>{t('follow.dates', { filed: day(status.filedOn), changed: day(status.lastChangedOn) })}</p>
        </div>
      )}
    </section>
  );
}
