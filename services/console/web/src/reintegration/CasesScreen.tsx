import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, newIdempotencyKey, type Page } from '../api';
import { PagedList, ProblemMessage, SelectField, useIdempotentAction } from '../components';
import { DateText, today } from '../format';
import { QueueRows, useQueue } from '../offline/OfflineScreen';
import { sendOrKeep } from '../offline/queue';
import { onLinkClick } from '../router';
import { Status, StatusFilter } from '../screens/Lists';
import { ScoreChart, type Score } from './ScoreChart';

interface Case {
  caseId: string;
  journeyId: string;
  status: string;
  allowedActions: string[];
  openedOn: string;
  planVersion: number;
  planGoals: { goalId: string; dimension: string; description: string; targetDate: string }[];
  scores: Score[];
  referrals: { referralId: string; providerId: string; serviceType: string; need: string; status: string; sentOn: string }[];
  followUps: { followUpId: string; dueOn: string; heldOn: string | null }[];
}

interface Instrument {
  weightsVersion: string;
  indicators: { code: string; dimension: string; question: string; answers: string[] }[];
}

interface Provider {
  providerId: string;
  name: string;
  serviceType: string;
  province: string;
}

const DIMENSIONS = ['economic', 'social', 'psychosocial'];
/** Always accepted besides the scale (docs/sustainability-score.md): left out of the means. */
const NOT_ANSWERED = ['unknown', 'refused'];
const casePath = (caseId: string) => `/cases/${caseId}`;

/** The indicators of the instrument, each a question with its scale; what is not asked counts as unknown. */
function AnswersFields({ instrument, answers, onChange }: { instrument: Instrument; answers: Record<string, string>; onChange: (a: Record<string, string>) => void }) {
  const intl = useIntl();
  return (
    <>
      {DIMENSIONS.map((dimension) => (
        <fieldset key={dimension}>
          <legend>{intl.formatMessage({ id: `case.dimension.${dimension}` })}</legend>
          {instrument.indicators
            .filter((i) => i.dimension === dimension)
            .map((indicator) => (
              <label key={indicator.code}>
                {intl.formatMessage({ id: `instrument.question.${indicator.code}`, defaultMessage: indicator.question })}
                <select value={answers[indicator.code] ?? 'unknown'} onChange={(e) => onChange({ ...answers, [indicator.code]: e.target.value })}>
                  {[...indicator.answers, ...NOT_ANSWERED].map((code) => (
                    <option key={code} value={code}>
                      {intl.formatMessage({ id: `instrument.answer.${code}` })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
        </fieldset>
      ))}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** The needs assessment: the instrument's questions, scored by the service. */
function AssessmentForm({ caseId, instrument, onDone }: { caseId: string; instrument: Instrument; onDone: () => void }) {
  const intl = useIntl();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [heldOn, setHeldOn] = useState(today);
  const { act, busy, error } = useIdempotentAction((key) => api.post(`reintegration-cases/${caseId}/assessments`, { heldOn, answers }, key));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await act()) !== undefined) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="form-grid case-form">
      <label>
        {intl.formatMessage({ id: 'case.heldOn' })}
        <input type="date" value={heldOn} max={today()} onChange={(e) => setHeldOn(e.target.value)} required />
      </label>
      <AnswersFields instrument={instrument} answers={answers} onChange={setAnswers} />
      <div>
        <button type="submit" disabled={busy}>
          {intl.formatMessage({ id: busy ? 'action.sending' : 'case.recordAssessment' })}
        </button>
      </div>
      <ProblemMessage error={error} />
    </form>
  );
}

/** The plan: its goals, one per line; a new version replaces the last, so it starts from the current one. */
function PlanForm({ caseId, current, onDone }: { caseId: string; current: Case['planGoals']; onDone: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const blank = () => ({ dimension: 'economic', description: '', targetDate: '' });
  const [goals, setGoals] = useState(() => (current.length ? current.map(({ dimension, description, targetDate }) => ({ dimension, description, targetDate })) : [blank()]));
  const { act, busy, error } = useIdempotentAction((key) => api.post(`reintegration-cases/${caseId}/plans`, { goals }, key));
  const set = (i: number, field: string, value: string) => setGoals(goals.map((g, j) => (j === i ? { ...g, [field]: value } : g)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await act()) !== undefined) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      {goals.map((goal, i) => (
        <fieldset key={i} className="form-grid">
          <legend>{intl.formatMessage({ id: 'case.goalNumber' }, { number: i + 1 })}</legend>
          <SelectField label={t('case.dimension')} value={goal.dimension} options={DIMENSIONS} onChange={(d) => set(i, 'dimension', d)} labelOf={(d) => t(`case.dimension.${d}`)} />
          <label>
            {t('case.goal')}
            <input value={goal.description} onChange={(e) => set(i, 'description', e.target.value)} required minLength={3} maxLength={300} />
          </label>
          <label>
            {t('case.targetDate')}
            <input type="date" value={goal.targetDate} min={today()} onChange={(e) => set(i, 'targetDate', e.target.value)} required />
          </label>
        </fieldset>
      ))}
      <button type="button" onClick={() => setGoals([...goals, blank()])} disabled={goals.length >= 20}>
        {t('case.addGoal')}
      </button>{' '}
      <button type="submit" disabled={busy}>
        {t(busy ? 'action.sending' : 'case.recordPlan')}
      </button>
      <ProblemMessage error={error} />
    </form>
  );
}

/** A referral to a provider of the registry, for a need. */
function ReferralForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [providers, setProviders] = useState<Provider[]>([]);
  const [providerId, setProviderId] = useState('');
  const [need, setNeed] = useState('');
  const [sentOn, setSentOn] = useState(today);
  useEffect(() => {
    api.get<Page<Provider>>('service-providers', { limit: 100 }).then(
      (p) => setProviders(p.items),
      () => setProviders([]),
    );
  }, []);
  const { act, busy, error } = useIdempotentAction((key) => api.post(`reintegration-cases/${caseId}/referrals`, { providerId, need, sentOn }, key));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await act()) !== undefined) {
      setNeed('');
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="form-grid">
      <label>
        {t('case.provider')}
        <select value={providerId} onChange={(e) => setProviderId(e.target.value)} required>
          <option value="">{t('case.chooseProvider')}</option>
          {providers.map((p) => (
            <option key={p.providerId} value={p.providerId}>
              {p.name} ({t(`case.service.${p.serviceType}`)}, {p.province})
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('case.need')}
        <input value={need} onChange={(e) => setNeed(e.target.value)} required minLength={3} maxLength={300} />
      </label>
      <label>
        {t('case.sentOn')}
        <input type="date" value={sentOn} max={today()} onChange={(e) => setSentOn(e.target.value)} required />
      </label>
      <div>
        <button type="submit" disabled={busy}>
          {t(busy ? 'action.sending' : 'case.sendReferral')}
        </button>
      </div>
      <ProblemMessage error={error} />
    </form>
  );
}

/**
 * A follow-up held with the returnee, answered on the same instrument: recorded in the browser
 * when there is no connection (IndexedDB, with its Idempotency-Key) and sent when it returns.
 */
function FollowUpForm({ caseId, instrument, due }: { caseId: string; instrument: Instrument; due: Case['followUps'] }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [heldOn, setHeldOn] = useState(today);
  const [followUpId, setFollowUpId] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await sendOrKeep({
        idempotencyKey: newIdempotencyKey(),
        path: `/bff/api/v1/reintegration-cases/${caseId}/follow-ups`,
        body: { heldOn, answers, ...(followUpId ? { followUpId } : {}) },
        // The case and the day, no person data.
        label: `${caseId.slice(0, 8)} ${heldOn}`,
        kind: 'follow-up',
      });
      setAnswers({});
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="form-grid case-form">
      <label>
        {t('case.heldOn')}
        <input type="date" value={heldOn} max={today()} onChange={(e) => setHeldOn(e.target.value)} required />
      </label>
      <label>
        {t('case.scheduledFollowUp')}
        <select value={followUpId} onChange={(e) => setFollowUpId(e.target.value)}>
          <option value="">{t('case.unscheduled')}</option>
          {due
            .filter((f) => !f.heldOn)
            .map((f) => (
              <option key={f.followUpId} value={f.followUpId}>
                {f.dueOn}
              </option>
            ))}
        </select>
      </label>
      <AnswersFields instrument={instrument} answers={answers} onChange={setAnswers} />
      <div>
        <button type="submit" disabled={busy}>
          {t(busy ? 'action.sending' : 'case.recordFollowUp')}
        </button>
      </div>
    </form>
  );
}

function CaseDetail({ caseId }: { caseId: string }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [record, setRecord] = useState<Case | null>(null);
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => {
    api.get<Case>(`reintegration-cases/${caseId}`).then(setRecord, setError);
  }, [caseId]);
  useEffect(() => {
    load();
    api.get<Instrument>('reintegration-cases/instrument').then(setInstrument, setError);
  }, [load]);
  // Follow-ups of this case recorded here: once one leaves the queue it was sent, and the case has its score.
  const mine = useQueue().filter((r) => r.kind === 'follow-up' && r.path.includes(`/reintegration-cases/${caseId}/`));
  const kept = useRef(mine.length);
  useEffect(() => {
    if (mine.length < kept.current) load();
    kept.current = mine.length;
  }, [mine.length, load]);
  const may = (action: string) => Boolean(record?.allowedActions.includes(action));
  return (
    <>
      <h2>{t('case.title')}</h2>
      <ProblemMessage error={error} />
      {record ? (
        <>
          <dl className="facts">
            <dt>{t('list.status')}</dt>
            <dd>
              <Status value={record.status} />
            </dd>
            <dt>{t('case.openedOn')}</dt>
            <dd>
              <DateText value={record.openedOn} />
            </dd>
            <dt>{t('nav.timeline')}</dt>
            <dd>
              <a href={`/timeline/${record.journeyId}`} onClick={onLinkClick}>
                <FormattedMessage id="workers.openTimeline" />
              </a>
            </dd>
          </dl>
          <Section id="case-score" title={t('case.scoreOverTime')}>
            {record.scores.length ? <ScoreChart scores={record.scores} /> : <p>{t('case.noScore')}</p>}
          </Section>
          {may('assess') && instrument ? (
            <Section id="case-assessment" title={t('case.assessment')}>
              <AssessmentForm caseId={caseId} instrument={instrument} onDone={load} />
            </Section>
          ) : null}
          <Section id="case-plan" title={intl.formatMessage({ id: 'case.plan' }, { version: record.planVersion })}>
            {record.planGoals.length ? (
              <ul>
                {record.planGoals.map((g) => (
                  <li key={g.goalId}>
                    {t(`case.dimension.${g.dimension}`)}: {g.description} — <DateText value={g.targetDate} />
                  </li>
                ))}
              </ul>
            ) : null}
            {may('plan') ? <PlanForm key={record.planVersion} caseId={caseId} current={record.planGoals} onDone={load} /> : null}
          </Section>
          {record.referrals.length || may('refer') ? (
            <Section id="case-referrals" title={t('case.referrals')}>
              {record.referrals.length ? (
                <table>
                  <caption>{t('case.referrals')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('case.sentOn')}</th>
                      <th scope="col">{t('case.serviceType')}</th>
                      <th scope="col">{t('case.need')}</th>
                      <th scope="col">{t('list.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {record.referrals.map((r) => (
                      <tr key={r.referralId}>
                        <td>
                          <DateText value={r.sentOn} />
                        </td>
                        <td>{t(`case.service.${r.serviceType}`)}</td>
                        <td>{r.need}</td>
                        <td>{t(`case.referralStatus.${r.status}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {may('refer') ? <ReferralForm caseId={caseId} onDone={load} /> : null}
            </Section>
          ) : null}
          {may('follow-up') && instrument ? (
            <Section id="case-follow-ups" title={t('case.followUps')}>
              <FollowUpForm caseId={caseId} instrument={instrument} due={record.followUps} />
              <QueueRows records={mine} />
            </Section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

interface CaseRow {
  caseId: string;
  journeyId: string;
  status: string;
  openedOn: string;
  planVersion: number;
  scores: Score[];
}

/** The caseworker's cases, newest first, each opening its page. */
export default function CasesScreen({ caseId }: { caseId?: string }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [status, setStatus] = useState('');
  if (caseId) return <CaseDetail caseId={caseId} />;
  return (
    <>
      <h2>{t('nav.cases')}</h2>
      <StatusFilter statuses={['open', 'assessed', 'planned', 'closed']} value={status} onChange={setStatus} />
      <PagedList<CaseRow>
        label={t('nav.cases')}
        path="reintegration-cases"
        query={{ status: status || undefined }}
        rowKey={(c) => c.caseId}
        columns={[
          { header: t('case.openedOn'), cell: (c) => <DateText value={c.openedOn} /> },
          { header: t('list.status'), cell: (c) => <Status value={c.status} /> },
          { header: t('case.lastScore'), cell: (c) => (c.scores.at(-1)?.composite ?? null) === null ? '—' : intl.formatNumber(c.scores.at(-1)!.composite!, { maximumFractionDigits: 2 }) },
          {
            header: t('list.actions'),
            cell: (c) => (
              <a href={casePath(c.caseId)} onClick={onLinkClick}>
                {t('case.open')}
              </a>
            ),
          },
        ]}
      />
    </>
  );
}

export { casePath };
