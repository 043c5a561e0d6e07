import { useEffect, useState } from 'react';
import { portal } from '../api';
import { useWords } from '../i18n';
import { Problem } from '../Problem';

export interface CorridorGuide {
  origin: string;
  destination: string;
  feeCap: { amountMinor: number; currency: string };
  workerMayPayFor: string[];
  contractTerms: string[];
  documents: string[];
  workPermitMonths: number;
  grievanceResponseDays: number;
  medianDaysToDeparture: number | null;
  contacts: { name: string; phone: string; hours: string }[];
}

let corridors: Promise<CorridorGuide[]> | null = null;
/** The node's corridors, asked once per page: the rules screen and the report form both need them. */
export function loadCorridors(): Promise<CorridorGuide[]> {
  corridors ??= portal<CorridorGuide[]>('GET', '/corridors').catch((e: unknown) => {
    corridors = null;
    throw e;
  });
  return corridors;
}

export function RulesScreen() {
  const { t, money, number } = useWords();
  const [guides, setGuides] = useState<CorridorGuide[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadCorridors().then(setGuides, setError);
  }, []);
  if (error) return <Problem error={error} />;
  if (!guides) return <p>{t('portal.loading')}</p>;
  return (
    <>
      {guides.map((g) => (
        <section key={`${g.origin}-${g.destination}`} aria-labelledby={`corridor-${g.origin}-${g.destination}`} className="corridor">
          <h2 id={`corridor-${g.origin}-${g.destination}`}>{t('rules.corridor', { origin: t(`country.${g.origin}`), destination: t(`country.${g.destination}`) })}</h2>
          <h3>{t('rules.feeCap')}</h3>
          <p data-testid="fee-cap">{g.feeCap.amountMinor === 0 ? t('rules.noFee') : t('rules.feeAtMost', { amount: money(g.feeCap.amountMinor, g.feeCap.currency) })}</p>
          <List title={t('rules.mayPay')} items={g.workerMayPayFor} />
          <List title={t('rules.terms')} items={g.contractTerms} />
          <List title={t('rules.documents')} items={g.documents} />
          <p>{t('rules.permit', { months: number(g.workPermitMonths) })}</p>
          <p>{t('rules.grievanceDays', { days: number(g.grievanceResponseDays) })}</p>
          <h3>{t('rules.days')}</h3>
          <p>{g.medianDaysToDeparture === null ? t('rules.noMedian') : t('rules.medianDays', { days: number(g.medianDaysToDeparture) })}</p>
          <h3>{t('rules.contacts')}</h3>
          {g.contacts.length === 0 ? (
            <p>{t('rules.noContacts')}</p>
          ) : (
            <ul>
              {g.contacts.map((c) => (
                <li key={c.phone}>
                  {c.name}: <a href={`tel:${c.phone.replace(/[^+\d]/g, '')}`}>{c.phone}</a> ({c.hours})
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function List({ title, items }: { title: string; items: string[] }) {
  const { t } = useWords();
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((code) => (
          <li key={code}>{t(`guide.${code}`)}</li>
        ))}
      </ul>
    </>
  );
}
