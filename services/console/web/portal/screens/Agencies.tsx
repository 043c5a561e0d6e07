import { useState, type FormEvent } from 'react';
import { portal } from '../api';
import { useWords } from '../i18n';
import { Problem } from '../Problem';

interface Agency {
  name: string;
  licenceNumber: string;
  status: 'licensed' | 'suspended' | 'revoked';
  licenceValidFrom: string;
  licenceValidTo: string;
  statusSince: string | null;
  mayRecruitToday: boolean;
}
interface AgencyWithRecord extends Agency {
  record: { from: string; to: string; minCell: number; rows: { measure: string; count: number | null; suppressed: number }[] };
}

export function AgenciesScreen() {
  const { t } = useWords();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Agency[] | null>(null);
  const [chosen, setChosen] = useState<AgencyWithRecord | null>(null);
  const [error, setError] = useState<unknown>(null);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setChosen(null);
    try {
      setFound(await portal<Agency[]>('GET', `/agencies?q=${encodeURIComponent(q.trim())}`));
    } catch (err) {
      setError(err);
    }
  };
  const open = async (licenceNumber: string) => {
    setError(null);
    try {
      setChosen(await portal<AgencyWithRecord>('GET', `/agencies/${encodeURIComponent(licenceNumber)}`));
    } catch (err) {
      setError(err);
    }
  };

  if (chosen) {
    return (
      <section aria-labelledby="agency-name">
        <button type="button" onClick={() => setChosen(null)}>
          {t('agencies.back')}
        </button>
        <AgencyRecord agency={chosen} />
      </section>
    );
  }
  return (
    <section>
      <p>{t('agencies.intro')}</p>
      <form onSubmit={search} role="search">
        <label>
          {t('agencies.search')}
          <input value={q} onChange={(e) => setQ(e.target.value)} minLength={2} maxLength={80} required />
        </label>
        <button type="submit">{t('agencies.searchButton')}</button>
      </form>
      <Problem error={error} />
      {found && found.length === 0 && <p role="status">{t('agencies.none')}</p>}
      {found && found.length > 0 && (
        <>
          <h2>{t('agencies.results')}</h2>
          <ul className="results">
            {found.map((a) => (
              <li key={a.licenceNumber}>
                <button type="button" className="link" onClick={() => void open(a.licenceNumber)}>
                  {a.name}
                </button>{' '}
                <span>{t('agencies.licence', { number: a.licenceNumber })}</span> <StatusBadge status={a.status} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function StatusBadge({ status }: { status: Agency['status'] }) {
  const { t } = useWords();
  return (
    <strong className={`badge ${status}`} data-status={status}>
      {t(`agencies.status.${status}`)}
    </strong>
  );
}

function AgencyRecord({ agency }: { agency: AgencyWithRecord }) {
  const { t, day, number } = useWords();
  const standing =
    agency.status === 'suspended'
      ? t('agencies.suspendedSince', { date: day(agency.statusSince ?? agency.licenceValidFrom) })
      : agency.status === 'revoked'
        ? t('agencies.revokedOn', { date: day(agency.statusSince ?? agency.licenceValidFrom) })
        : agency.mayRecruitToday
          ? t('agencies.licensedUntil', { from: day(agency.licenceValidFrom), to: day(agency.licenceValidTo) })
          : t('agencies.expired', { from: day(agency.licenceValidFrom), to: day(agency.licenceValidTo) });
  return (
    <>
      <h2 id="agency-name">{agency.name}</h2>
      <p>
        {t('agencies.licence', { number: agency.licenceNumber })} <StatusBadge status={agency.status} />
      </p>
      <p className={agency.mayRecruitToday ? 'standing' : 'standing warning'} data-testid="standing">
        {standing}
      </p>
      <table>
        <caption>{t('agencies.record', { date: day(agency.record.to) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agencies.record.measure')}</th>
            <th scope="col">{t('agencies.record.count')}</th>
          </tr>
        </thead>
        <tbody>
          {agency.record.rows.map((r) => (
            <tr key={r.measure} data-measure={r.measure}>
              <th scope="row">{t(`record.${r.measure}`)}</th>
              <td>{r.count === null ? t('agencies.record.fewer', { n: number(agency.record.minCell) }) : number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('agencies.record.note', { n: number(agency.record.minCell) })}</p>
    </>
  );
}
