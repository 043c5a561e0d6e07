import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../api';
import { ProblemMessage, useIdempotentAction } from '../components';
import { DateText } from '../format';
import { onLinkClick } from '../router';
import { may, useSession } from '../session';

interface Worker {
  workerId: string;
  journeyId: string;
  fullName: string;
  fullNameLatin: string;
  sex: string;
  birthDate: string;
  nationality: string;
  documentType: string;
  documentNumber: string;
  registeredAt: string;
}
interface Registered {
  workerId: string;
  journeyId: string;
  warnings: { code: string; detail: string; existingWorkerId?: string }[];
}

const PURPOSE = 'officer console: find a worker';
const EMPTY = {
  fullName: '',
  fullNameLatin: '',
  sex: 'female',
  birthDate: '',
  documentType: 'passport',
  documentNumber: '',
  documentExpiry: '',
  intendedDestination: 'TH',
  occupationIsco: '',
  consentToProcess: false,
  consentToShare: false,
  consentGivenHow: 'signed-form',
};

function Search() {
  const intl = useIntl();
  const [name, setName] = useState('');
  const [found, setFound] = useState<Worker[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      setFound(await api.get<Worker[]>('workers', { name, purpose: PURPOSE }));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">
        <FormattedMessage id="workers.search" />
      </h2>
      <form onSubmit={search} role="search">
        <label>
          <FormattedMessage id="workers.searchName" />
          <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <button type="submit">
          <FormattedMessage id="workers.searchButton" />
        </button>
      </form>
      <ProblemMessage error={error} />
      {found ? (
        <>
          <p role="status">
            <FormattedMessage id="workers.found" values={{ count: found.length }} />
          </p>
          {found.length ? (
            <table>
              <caption>{intl.formatMessage({ id: 'workers.results' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{intl.formatMessage({ id: 'workers.fullName' })}</th>
                  <th scope="col">{intl.formatMessage({ id: 'workers.fullNameLatin' })}</th>
                  <th scope="col">{intl.formatMessage({ id: 'workers.birthDate' })}</th>
                  <th scope="col">{intl.formatMessage({ id: 'workers.document' })}</th>
                  <th scope="col">{intl.formatMessage({ id: 'nav.timeline' })}</th>
                </tr>
              </thead>
              <tbody>
                {found.map((w) => (
                  <tr key={w.workerId}>
                    <td lang="und">{w.fullName}</td>
                    <td>{w.fullNameLatin}</td>
                    <td>
                      <DateText value={w.birthDate} />
                    </td>
                    <td>{w.documentNumber}</td>
                    <td>
                      <a href={`/timeline/${w.journeyId}`} onClick={onLinkClick}>
                        <FormattedMessage id="workers.openTimeline" />
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The new registration and each likely duplicate side by side, so the officer can tell one person from two. */
function DuplicateComparison({ mine, others }: { mine: typeof EMPTY; others: Worker[] }) {
  const intl = useIntl();
  const rows: [string, (w: Worker) => string, string][] = [
    ['workers.fullName', (w) => w.fullName, mine.fullName],
    ['workers.fullNameLatin', (w) => w.fullNameLatin, mine.fullNameLatin],
    ['workers.birthDate', (w) => w.birthDate, mine.birthDate],
    ['workers.sex', (w) => w.sex, mine.sex],
    ['workers.document', (w) => `${w.documentType} ${w.documentNumber}`, `${mine.documentType} ${mine.documentNumber}`],
  ];
  return (
    <table className="side-by-side">
      <caption>{intl.formatMessage({ id: 'workers.duplicateWarning' }, { count: others.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'compare.field' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'workers.thisRegistration' })}</th>
          {others.map((o) => (
            <th scope="col" key={o.workerId}>
              {intl.formatMessage({ id: 'workers.existingWorker' })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, of, value]) => (
          <tr key={label}>
            <th scope="row">{intl.formatMessage({ id: label })}</th>
            <td>{value}</td>
            {others.map((o) => (
              <td key={o.workerId} className={of(o) === value ? 'same' : undefined}>
                {of(o)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Register() {
  const intl = useIntl();
  const { nodeCountry } = useSession();
  const [form, setForm] = useState({ ...EMPTY });
  const [done, setDone] = useState<{ registered: Registered; submitted: typeof EMPTY; duplicates: Worker[] } | null>(null);
  const { act, busy, error } = useIdempotentAction((key) => api.post<Registered>('workers', { ...form, nationality: nodeCountry, occupationIsco: form.occupationIsco || undefined }, key));
  const set = (field: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [field]: e.target instanceof HTMLInputElement && e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const registered = await act();
    if (!registered) return; // what was typed stays in the form
    const duplicates = await Promise.all(
      registered.warnings.filter((w) => w.existingWorkerId).map((w) => api.get<Worker>(`workers/${w.existingWorkerId}`, { purpose: 'officer console: likely duplicate' }).catch(() => null)),
    );
    setDone({ registered, submitted: form, duplicates: duplicates.filter((d): d is Worker => d !== null) });
    setForm({ ...EMPTY });
  };
  const text = (field: keyof typeof EMPTY, label: string, type = 'text', extra: Record<string, unknown> = {}) => (
    <label>
      {intl.formatMessage({ id: label })}
      <input type={type} value={String(form[field])} onChange={set(field)} {...extra} />
    </label>
  );
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">
        <FormattedMessage id="workers.register" />
      </h2>
      <form onSubmit={submit} className="form-grid">
        {text('fullName', 'workers.fullName', 'text', { required: true, lang: 'und' })}
        {text('fullNameLatin', 'workers.fullNameLatin', 'text', { required: true })}
        <label>
          {intl.formatMessage({ id: 'workers.sex' })}
          <select value={form.sex} onChange={set('sex')}>
            <option value="female">{intl.formatMessage({ id: 'workers.sex.female' })}</option>
            <option value="male">{intl.formatMessage({ id: 'workers.sex.male' })}</option>
          </select>
        </label>
        {text('birthDate', 'workers.birthDate', 'date', { required: true })}
        <label>
          {intl.formatMessage({ id: 'workers.documentType' })}
          <select value={form.documentType} onChange={set('documentType')}>
            <option value="passport">{intl.formatMessage({ id: 'workers.documentType.passport' })}</option>
            <option value="national-id">{intl.formatMessage({ id: 'workers.documentType.nationalId' })}</option>
          </select>
        </label>
        {text('documentNumber', 'workers.documentNumber', 'text', { required: true })}
        {text('documentExpiry', 'workers.documentExpiry', 'date', { required: true })}
        {text('intendedDestination', 'workers.destination', 'text', { required: true, maxLength: 2 })}
        {text('occupationIsco', 'workers.occupation')}
        <label className="check">
          <input type="checkbox" checked={form.consentToProcess} onChange={set('consentToProcess')} />
          {intl.formatMessage({ id: 'workers.consentToProcess' })}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.consentToShare} onChange={set('consentToShare')} />
          {intl.formatMessage({ id: 'workers.consentToShare' })}
        </label>
        <button type="submit" disabled={busy}>
          {busy ? intl.formatMessage({ id: 'action.sending' }) : intl.formatMessage({ id: 'workers.registerButton' })}
        </button>
      </form>
      <ProblemMessage error={error} />
      {done ? (
        <div role="status">
          <p>
            <FormattedMessage id="workers.registered" values={{ name: done.submitted.fullNameLatin }} />{' '}
            <a href={`/timeline/${done.registered.journeyId}`} onClick={onLinkClick}>
              <FormattedMessage id="workers.openTimeline" />
            </a>
          </p>
          {done.registered.warnings.length ? <DuplicateComparison mine={done.submitted} others={done.duplicates} /> : null}
        </div>
      ) : null}
    </section>
  );
}

export function WorkersScreen() {
  const session = useSession();
  return (
    <>
      <Search />
      {may(session, 'worker.register') ? <Register /> : null}
    </>
  );
}
