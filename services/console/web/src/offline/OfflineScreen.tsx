import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { DateText } from '../format';
import { discard, flush, onQueueChange, queued, type QueuedRecord } from './queue';

/** What was recorded without a connection: waiting to send, or refused with the reason. */
export function useQueue(): QueuedRecord[] {
  const [records, setRecords] = useState<QueuedRecord[]>([]);
  useEffect(() => {
    const load = () => void queued().then(setRecords);
    load();
    return onQueueChange(load);
  }, []);
  return records;
}

export function QueueRows({ records }: { records: QueuedRecord[] }) {
  const intl = useIntl();
  if (!records.length) return null;
  return (
    <table className="queue">
      <caption>{intl.formatMessage({ id: 'offline.caption' }, { count: records.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{intl.formatMessage({ id: 'offline.record' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'offline.recordedAt' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'list.status' })}</th>
          <th scope="col">{intl.formatMessage({ id: 'list.actions' })}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.seq} data-status={r.status}>
            <td>
              <FormattedMessage id={`offline.kind.${r.kind}`} />: {r.label}
            </td>
            <td>
              <DateText value={r.createdAt} withTime />
            </td>
            <td>{r.status === 'waiting' ? <FormattedMessage id="offline.waiting" /> : <FormattedMessage id="offline.refused" values={{ reason: r.reason ?? '' }} />}</td>
            <td>
              {r.status === 'refused' ? (
                <button type="button" onClick={() => r.seq !== undefined && void discard(r.seq)}>
                  <FormattedMessage id="offline.dismiss" />
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function OfflineScreen() {
  const records = useQueue();
  return (
    <>
      <h2>
        <FormattedMessage id="nav.waiting" />
      </h2>
      {records.length === 0 ? (
        <p role="status">
          <FormattedMessage id="offline.nothing" />
        </p>
      ) : null}
      <QueueRows records={records} />
      <button type="button" onClick={() => void flush()}>
        <FormattedMessage id="offline.sendNow" />
      </button>
    </>
  );
}
