import { useState, type FormEvent } from 'react';
import { portal } from '../api';
import { useWords } from '../i18n';
import { Problem } from '../Problem';

interface ClearanceCheck {
  genuine: boolean;
  valid: boolean;
  status: string;
  printed?: { no: string; name: string; nameLatin: string; passport: string; destination: string; employer: string; validFrom: string; validUntil: string };
}

/** The deployment stage's public check of an exit clearance: genuine, valid, and only what the document prints. */
export function VerifyScreen() {
  const { t, day } = useWords();
  const [document, setDocument] = useState('');
  const [check, setCheck] = useState<ClearanceCheck | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCheck(null);
    try {
      setCheck(await portal<ClearanceCheck>('GET', `/clearances/verify?document=${encodeURIComponent(document.trim())}`));
    } catch (err) {
      setError(err);
    }
  };

  const verdict = !check ? '' : check.valid ? t('verify.genuineValid') : check.genuine ? t('verify.genuineNotValid') : t('verify.forged');
  return (
    <section>
      <p>{t('verify.intro')}</p>
      <form onSubmit={submit}>
        <label>
          {t('verify.document')}
          <textarea value={document} onChange={(e) => setDocument(e.target.value)} rows={4} maxLength={8000} required spellCheck={false} />
        </label>
        <button type="submit">{t('verify.check')}</button>
      </form>
      <Problem error={error} />
      {check && (
        <div role="status" className={check.valid ? 'verdict ok' : 'verdict bad'} data-verdict={check.valid ? 'valid' : check.genuine ? 'not-valid' : 'forged'}>
          <h2>{verdict}</h2>
          <p>{t(`verify.status.${check.status}`)}</p>
          {check.genuine && check.printed && (
            <dl>
              <dt>{t('verify.number')}</dt>
              <dd>{check.printed.no}</dd>
              <dt>{t('verify.name')}</dt>
              <dd>
                {check.printed.name} ({check.printed.nameLatin})
              </dd>
              <dt>{t('verify.passport')}</dt>
              <dd>{check.printed.passport}</dd>
              <dt>{t('verify.destination')}</dt>
              <dd>{t(`country.${check.printed.destination}`)}</dd>
              <dt>{t('verify.employer')}</dt>
              <dd>{check.printed.employer}</dd>
              <dt>{t('verify.validity')}</dt>
              <dd>{t('verify.fromTo', { from: day(check.printed.validFrom), to: day(check.printed.validUntil) })}</dd>
            </dl>
          )}
        </div>
      )}
    </section>
  );
}
