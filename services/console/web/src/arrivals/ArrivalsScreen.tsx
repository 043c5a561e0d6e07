import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, newIdempotencyKey } from '../api';
import { PagedList, ProblemMessage, SelectField, useIdempotentAction } from '../components';
import { DateText, today } from '../format';
import { QueueRows, useQueue } from '../offline/OfflineScreen';
import { sendOrKeep, type QueuedRecord } from '../offline/queue';
import { Status, StatusFilter } from '../screens/Lists';
import { useSession } from '../session';
import { parseArrivalList, type ParsedArrivalRow } from './arrival-list';

interface Deployment {
  journeyId: string;
  origin: string;
  status: string;
  allowedActions: string[];
  clearanceNumber: string;
  employerName: string;
  departedOn: string | null;
  plannedCheckpoint: string | null;
  arrivalDueBy: string | null;
}

interface ArrivalListAnswer {
  nameListId: string;
  accepted: number;
  refused: number;
  rows: { row: number; outcome: 'accepted' | 'refused'; journeyId?: string; problem?: string; reason?: string }[];
}

const arrivalPath = (journeyId: string) => `/bff/api/v1/deployments/${journeyId}/arrival`;

/**
 * One arrival: sent now, or kept in the browser with its Idempotency-Key when there is no
 * connection (sent in order when it returns). The row shows what became of it.
 */
function ConfirmArrival({ deployment, arrivedOn, record, onSent }: { deployment: Deployment; arrivedOn: string; record: QueuedRecord | undefined; onSent: () => void }) {
  const intl = useIntl();
  const [busy, setBusy] = useState(false);
  if (record?.status === 'waiting') return <FormattedMessage id="offline.waiting" />;
  if (record?.status === 'refused') return <FormattedMessage id="offline.refused" values={{ reason: record.reason ?? '' }} />;
  if (!deployment.allowedActions.includes('confirm-arrival')) return <>—</>;
  const confirm = async () => {
    setBusy(true);
    try {
      const outcome = await sendOrKeep({
        idempotencyKey: newIdempotencyKey(),
        path: arrivalPath(deployment.journeyId),
        // The employer the worker was cleared for: another one is a discrepancy, not an arrival.
        body: { arrivedOn, employerName: deployment.employerName },
        label: deployment.clearanceNumber,
        kind: 'arrival',
      });
      if (outcome === 'sent') onSent();
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} onClick={() => void confirm()}>
      {busy ? intl.formatMessage({ id: 'action.sending' }) : intl.formatMessage({ id: 'arrivals.confirm' })}
    </button>
  );
}

function OneByOne() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const { arrivalCheckpoints } = useSession();
  const [status, setStatus] = useState('departed');
  // An officer at a checkpoint sees the workers expected there (all checkpoints until one is chosen).
  const [checkpoint, setCheckpoint] = useState('');
  const [arrivedOn, setArrivedOn] = useState(today);
  const [reload, setReload] = useState(0);
  const arrivals = useQueue().filter((r) => r.kind === 'arrival');
  const byPath = new Map(arrivals.map((r) => [r.path, r]));
  // A record leaving the queue was sent: the list shows the worker's new state.
  const kept = useRef(arrivals.length);
  useEffect(() => {
    if (arrivals.length < kept.current) setReload((r) => r + 1);
    kept.current = arrivals.length;
  }, [arrivals.length]);
  return (
    <section aria-labelledby="one-by-one">
      <h3 id="one-by-one">{t('arrivals.oneByOne')}</h3>
      <div className="form-grid">
        <StatusFilter statuses={['departed', 'crossed', 'arrived']} value={status} onChange={setStatus} />
        <SelectField
          className="filter"
          label={t('arrivals.checkpoint')}
          value={checkpoint}
          options={arrivalCheckpoints.map((c) => c.code)}
          labelOf={(code) => arrivalCheckpoints.find((c) => c.code === code)?.name ?? code}
          onChange={setCheckpoint}
          empty={t('list.all')}
        />
        <label>
          {t('arrivals.arrivedOn')}
          <input type="date" value={arrivedOn} max={today()} onChange={(e) => setArrivedOn(e.target.value)} required />
        </label>
      </div>
      <PagedList<Deployment>
        label={t('nav.arrivals')}
        path="deployments"
        query={{ status: status || undefined, checkpoint: checkpoint || undefined }}
        reloadToken={reload}
        rowKey={(d) => d.journeyId}
        columns={[
          { header: t('arrivals.clearance'), cell: (d) => d.clearanceNumber },
          { header: t('arrivals.origin'), cell: (d) => d.origin },
          { header: t('jobOrders.employer'), cell: (d) => d.employerName },
          { header: t('arrivals.departedOn'), cell: (d) => <DateText value={d.departedOn} /> },
          { header: t('arrivals.checkpoint'), cell: (d) => d.plannedCheckpoint ?? '—' },
          { header: t('arrivals.dueBy'), cell: (d) => <DateText value={d.arrivalDueBy} /> },
          { header: t('list.status'), cell: (d) => <Status value={d.status} /> },
          { header: t('list.actions'), cell: (d) => <ConfirmArrival deployment={d} arrivedOn={arrivedOn} record={byPath.get(arrivalPath(d.journeyId))} onSent={() => setReload((r) => r + 1)} /> },
        ]}
      />
      <QueueRows records={arrivals} />
    </section>
  );
}

interface RowResult {
  line: number;
  identifier: string;
  outcome: 'accepted' | 'refused';
  reason: string;
}

/** A bus of arrivals at once: the list pasted or uploaded, each row answered with its outcome. */
function NameList() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  const [results, setResults] = useState<RowResult[] | null>(null);
  const [parsed, setParsed] = useState<ParsedArrivalRow[]>([]);
  const sendable = parsed.filter((p) => p.row);
  const { act, busy, error } = useIdempotentAction((key) => api.post<ArrivalListAnswer>('deployments/arrival-lists', { reference, rows: sendable.map((p) => p.row) }, key));

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };

  // The list is read when sent; what cannot be sent is answered here, the rest by the service.
  useEffect(() => {
    if (!parsed.length) return;
    const local: RowResult[] = parsed.filter((p) => p.problem).map((p) => ({ line: p.line, identifier: p.identifier, outcome: 'refused', reason: t(`arrivals.problem.${p.problem}`) }));
    if (!sendable.length) {
      setResults(local);
      return;
    }
    void act().then((answer) => {
      if (!answer) return;
      const remote: RowResult[] = answer.rows.map((r) => ({ line: sendable[r.row].line, identifier: sendable[r.row].identifier, outcome: r.outcome, reason: r.reason ?? '' }));
      setResults([...local, ...remote].sort((a, b) => a.line - b.line));
    });
    // Sent once per reading of the list (the submit), not on every render.
  }, [parsed]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResults(null);
    setParsed(parseArrivalList(text));
  };

  const accepted = results?.filter((r) => r.outcome === 'accepted').length ?? 0;
  return (
    <section aria-labelledby="by-list">
      <h3 id="by-list">{t('arrivals.byList')}</h3>
      <p id="list-help">{t('arrivals.listHelp')}</p>
      <form onSubmit={submit} className="form-grid">
        <label>
          {t('arrivals.reference')}
          <input value={reference} onChange={(e) => setReference(e.target.value)} required minLength={2} maxLength={60} />
        </label>
        <label>
          {t('arrivals.upload')}
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void upload(e)} />
        </label>
        <label className="note">
          {t('arrivals.paste')}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} required aria-describedby="list-help" />
        </label>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('action.sending') : t('arrivals.send')}
          </button>
        </div>
      </form>
      <ProblemMessage error={error} />
      {results ? (
        <>
          <p role="status">
            <FormattedMessage id="arrivals.result" values={{ accepted, refused: results.length - accepted }} />
          </p>
          <table className="results">
            <caption>{t('arrivals.resultCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('arrivals.line')}</th>
                <th scope="col">{t('arrivals.worker')}</th>
                <th scope="col">{t('arrivals.outcome')}</th>
                <th scope="col">{t('arrivals.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((r) => (
                <tr key={r.line} data-outcome={r.outcome}>
                  <td>{r.line}</td>
                  <td>{r.identifier}</td>
                  <td>{t(`arrivals.${r.outcome}`)}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}

/** The receiving country's arrivals to confirm: one by one (also offline), or a whole name list. */
export default function ArrivalsScreen() {
  return (
    <>
      <h2>
        <FormattedMessage id="nav.arrivals" />
      </h2>
      <OneByOne />
      <NameList />
    </>
  );
}
