import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../api';
import { ActionButton, PagedList, ProblemMessage, SelectField, useIdempotentAction } from '../components';
import { DateText, Money, today } from '../format';
import { toMinorUnits } from '../money';
import { onLinkClick } from '../router';
import { may, useSession } from '../session';
import { Status, StatusFilter } from './Lists';

const TimelineLink = ({ journeyId }: { journeyId: string }) => (
  <a href={`/timeline/${journeyId}`} onClick={onLinkClick}>
    <FormattedMessage id="workers.openTimeline" />
  </a>
);

interface Grievance {
  grievanceId: string;
  journeyId: string;
  origin: string;
  /** The country whose queue answers it (the destination): only its officers take it up and resolve it. */
  handlingCountry: string;
  category: string;
  filedByCountry: string;
  filedOn: string;
  deadlineOn: string;
  status: string;
  allowedActions: string[];
  assignee: string | null;
  outcome: string | null;
  amountRecovered: { amountMinor: number; currency: string } | null;
  overdue: unknown;
}

const OUTCOMES = ['upheld-paid', 'upheld-unpaid', 'settled', 'not-upheld', 'withdrawn'];
/** The currencies of the corridors' wages and fees. */
const CURRENCIES = ['THB', 'KHR', 'LAK', 'MMK', 'VND', 'USD'];

/** The resolution of one grievance: the outcome and what was recovered for the worker, in the currency's minor units. */
function ResolveForm({ grievance, onDone, onCancel }: { grievance: Grievance; onDone: () => void; onCancel: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [outcome, setOutcome] = useState('upheld-paid');
  const [amount, setAmount] = useState('0');
  const [currency, setCurrency] = useState('THB');
  const [resolvedOn, setResolvedOn] = useState(today);
  const [note, setNote] = useState('');
  const amountMinor = toMinorUnits(amount, currency);
  const { act, busy, error } = useIdempotentAction((key) =>
    api.post(`grievances/${grievance.grievanceId}/resolution`, { outcome, amountRecoveredMinor: amountMinor, currency, resolvedOn, ...(note.trim() ? { note: note.trim() } : {}) }, key),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await act()) !== undefined) onDone();
  };
  return (
    <section aria-labelledby="resolve-heading">
      <h3 id="resolve-heading">
        <FormattedMessage id="grievances.resolveTitle" values={{ category: t(`grievances.category.${grievance.category}`) }} />
      </h3>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <SelectField label={t('grievances.outcome')} value={outcome} options={OUTCOMES} onChange={setOutcome} labelOf={(o) => t(`grievances.outcome.${o}`)} />
        <label>
          {t('grievances.amountRecovered')}
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" required aria-invalid={amountMinor === undefined} aria-describedby="amount-read" />
          {/* What will be recorded, written the officer's way: typed digits are read as 12,500.50. */}
          <output id="amount-read">{amountMinor === undefined ? t('grievances.amountUnreadable') : <Money amountMinor={amountMinor} currency={currency} />}</output>
        </label>
        <SelectField label={t('grievances.currency')} value={currency} options={CURRENCIES} onChange={setCurrency} />
        <label>
          {t('grievances.resolvedOn')}
          <input type="date" value={resolvedOn} max={today()} onChange={(e) => setResolvedOn(e.target.value)} required />
        </label>
        <label className="note">
          {t('grievances.note')}
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} maxLength={2000} />
        </label>
        <div>
          <button type="submit" disabled={busy || amountMinor === undefined}>
            {busy ? t('action.sending') : t('grievances.recordResolution')}
          </button>{' '}
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <ProblemMessage error={error} />
    </section>
  );
}

/**
 * The grievances the receiving country's agency answers, open ones first by default: taken up by
 * the officer, resolved with the outcome and the amount recovered. What happened (the
 * description) stays out of the list: the least person data in a list the service worker keeps
 * for offline use.
 */
export function GrievancesScreen() {
  const intl = useIntl();
  const session = useSession();
  const t = (id: string) => intl.formatMessage({ id });
  const [status, setStatus] = useState('open');
  const [reload, setReload] = useState(0);
  const [resolving, setResolving] = useState<Grievance | null>(null);
  const handles = may(session, 'grievance.handle');
  const me = session.officer.subject;
  const actions = (g: Grievance) => (
    g.handlingCountry !== session.officer.country ? null : <>
      {g.allowedActions.includes('assign') && g.assignee !== me ? (
        <ActionButton label={t('grievances.takeUp')} run={(key) => api.post(`grievances/${g.grievanceId}/assignment`, { assignee: me }, key)} onDone={() => setReload((r) => r + 1)} />
      ) : null}{' '}
      {g.allowedActions.includes('resolve') ? (
        <button type="button" onClick={() => setResolving(g)}>
          {t('grievances.resolve')}
        </button>
      ) : null}
    </>
  );
  return (
    <>
      <h2>{t('nav.grievances')}</h2>
      <StatusFilter statuses={['open', 'under-investigation', 'referred', 'resolved', 'closed']} value={status} onChange={setStatus} />
      <PagedList<Grievance>
        label={t('nav.grievances')}
        path="grievances"
        query={{ status: status || undefined }}
        reloadToken={reload}
        rowKey={(g) => g.grievanceId}
        columns={[
          { header: t('grievances.filedOn'), cell: (g) => <DateText value={g.filedOn} /> },
          { header: t('grievances.category'), cell: (g) => t(`grievances.category.${g.category}`) },
          { header: t('grievances.filedBy'), cell: (g) => g.filedByCountry },
          {
            header: t('grievances.deadline'),
            cell: (g) => (
              <>
                <DateText value={g.deadlineOn} />
                {g.overdue ? ` — ${t('grievances.overdue')}` : null}
              </>
            ),
          },
          { header: t('list.status'), cell: (g) => <Status value={g.status} /> },
          { header: t('grievances.assignee'), cell: (g) => g.assignee ?? '—' },
          {
            header: t('grievances.outcome'),
            cell: (g) =>
              g.outcome ? (
                <>
                  {t(`grievances.outcome.${g.outcome}`)}
                  {g.amountRecovered ? (
                    <>
                      {' — '}
                      <Money amountMinor={g.amountRecovered.amountMinor} currency={g.amountRecovered.currency} />
                    </>
                  ) : null}
                </>
              ) : (
                '—'
              ),
          },
          { header: t('nav.timeline'), cell: (g) => <TimelineLink journeyId={g.journeyId} /> },
          ...(handles ? [{ header: t('list.actions'), cell: actions }] : []),
        ]}
      />
      {resolving ? (
        <ResolveForm
          key={resolving.grievanceId}
          grievance={resolving}
          onCancel={() => setResolving(null)}
          onDone={() => {
            setResolving(null);
            setReload((r) => r + 1);
          }}
        />
      ) : null}
    </>
  );
}

interface WorkItem {
  kind: string;
  caseId: string;
  journeyId: string;
  since: string;
  daysOverdue: number;
  itemId: string | null;
}

/** The caseworker's work queue, most overdue first (the service orders it by urgency). */
export function WorkQueueScreen() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [assessmentDays, setAssessmentDays] = useState('14');
  return (
    <>
      <h2>{t('nav.workQueue')}</h2>
      <label className="filter">
        {t('workQueue.assessmentDays')}
        <input type="number" min={0} max={365} value={assessmentDays} onChange={(e) => setAssessmentDays(e.target.value)} />
      </label>
      <PagedList<WorkItem>
        label={t('nav.workQueue')}
        path="reintegration-cases/work-queue"
        query={{ assessmentDays: /^\d{1,3}$/.test(assessmentDays) ? assessmentDays : undefined }}
        rowKey={(w) => `${w.kind}:${w.caseId}:${w.itemId ?? ''}`}
        columns={[
          { header: t('workQueue.kind'), cell: (w) => t(`workQueue.kind.${w.kind}`) },
          { header: t('workQueue.since'), cell: (w) => <DateText value={w.since} /> },
          { header: t('workQueue.daysOverdue'), cell: (w) => intl.formatMessage({ id: 'workQueue.days' }, { count: w.daysOverdue }) },
          { header: t('nav.timeline'), cell: (w) => <TimelineLink journeyId={w.journeyId} /> },
          {
            header: t('nav.cases'),
            cell: (w) => (
              <a href={`/cases/${w.caseId}`} onClick={onLinkClick}>
                {t('case.open')}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}
