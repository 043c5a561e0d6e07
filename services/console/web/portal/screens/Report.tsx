import { useEffect, useState, type FormEvent } from 'react';
import { portal } from '../api';
import { useWords } from '../i18n';
import { Problem } from '../Problem';
import { loadCorridors, type CorridorGuide } from './Rules';

/** The categories the social-protection stage takes (GRIEVANCE_CATEGORIES); it refuses any other. */
const CATEGORIES = ['unpaid-wages', 'confiscated-documents', 'contract-substitution', 'abuse-or-violence', 'unsafe-work', 'unlawful-dismissal', 'other'];

interface Filed {
  reference: string;
  secret: string;
}

export function ReportScreen() {
  const { t } = useWords();
  const [corridors, setCorridors] = useState<CorridorGuide[]>([]);
  const [form, setForm] = useState({ corridor: '', category: CATEGORIES[0], whatHappened: '', where: '', contact: '' });
  const [filed, setFiled] = useState<Filed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    loadCorridors().then((list) => {
      setCorridors(list);
      setForm((f) => ({ ...f, corridor: f.corridor || (list[0] ? `${list[0].origin}>${list[0].destination}` : '') }));
    }, setError);
  }, []);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSending(true);
    const [origin, destination] = form.corridor.split('>');
    try {
      setFiled(
        await portal<Filed>('POST', '/grievances', {
          body: { origin, destination, category: form.category, whatHappened: form.whatHappened.trim(), where: form.where.trim(), ...(form.contact.trim() ? { contact: form.contact.trim() } : {}) },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  if (filed) {
    return (
      <section role="status" aria-labelledby="sent">
        <h2 id="sent">{t('report.sent')}</h2>
        <dl>
          <dt>{t('report.reference')}</dt>
          <dd data-testid="reference">{filed.reference}</dd>
          <dt>{t('report.secret')}</dt>
          <dd data-testid="secret">{filed.secret}</dd>
        </dl>
        <p className="warning">{t('report.keep')}</p>
      </section>
    );
  }
  return (
    <section>
      <p>{t('report.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label>
          {t('report.corridor')}
          <select value={form.corridor} onChange={set('corridor')} required>
            {corridors.map((c) => (
              <option key={`${c.origin}>${c.destination}`} value={`${c.origin}>${c.destination}`}>
                {t('rules.corridor', { origin: t(`country.${c.origin}`), destination: t(`country.${c.destination}`) })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.category')}
          <select value={form.category} onChange={set('category')}>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.whatHappened')}
          <textarea value={form.whatHappened} onChange={set('whatHappened')} rows={5} minLength={10} maxLength={2000} required />
        </label>
        <label>
          {t('report.where')}
          <input value={form.where} onChange={set('where')} minLength={2} maxLength={200} required />
        </label>
        <label>
          {t('report.contact')}
          <input value={form.contact} onChange={set('contact')} maxLength={200} autoComplete="tel" />
        </label>
        <button type="submit" disabled={sending}>
          {t('report.send')}
        </button>
      </form>
      <Problem error={error} />
    </section>
  );
}
