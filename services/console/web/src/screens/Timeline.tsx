import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../api';
import { ProblemMessage } from '../components';
import { DateText } from '../format';
import { navigate } from '../router';

interface Timeline {
  journeyId: string;
  origin: string;
  destination: string | null;
  openFlags: { flagId: string; kind: string; reason: string; blocksDeparture: boolean; raisedAt: string }[];
  entries: { eventId: string; eventType: string; stage: string; occurredAt: string; recordedBy: { country: string; agencyId: string | null } }[];
}

/** A journey's events from both countries of its corridor, in order, with the flags still open. */
export function TimelineScreen({ journeyId }: { journeyId?: string }) {
  const intl = useIntl();
  const [typed, setTyped] = useState(journeyId ?? '');
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setTimeline(null);
    setError(null);
    if (journeyId) api.get<Timeline>(`journeys/${journeyId}/timeline`).then(setTimeline, setError);
  }, [journeyId]);
  const open = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/timeline/${typed.trim()}`);
  };
  return (
    <>
      <h2>{intl.formatMessage({ id: 'nav.timeline' })}</h2>
      <form onSubmit={open} role="search">
        <label>
          {intl.formatMessage({ id: 'timeline.journeyId' })}
          <input value={typed} onChange={(e) => setTyped(e.target.value)} required pattern="[0-9a-fA-F-]{36}" />
        </label>
        <button type="submit">{intl.formatMessage({ id: 'timeline.open' })}</button>
      </form>
      <ProblemMessage error={error} />
      {timeline ? (
        <section aria-label={intl.formatMessage({ id: 'nav.timeline' })}>
          <p>
            <FormattedMessage id="timeline.corridor" values={{ origin: timeline.origin, destination: timeline.destination ?? '—' }} />
          </p>
          <h3>
            <FormattedMessage id="timeline.flagCount" values={{ count: timeline.openFlags.length }} />
          </h3>
          <ul className="flags">
            {timeline.openFlags.map((f) => (
              <li key={f.flagId}>
                <strong>{f.kind}</strong>: {f.reason} {f.blocksDeparture ? <FormattedMessage id="timeline.blocksDeparture" /> : null}
              </li>
            ))}
          </ul>
          <ol className="timeline">
            {timeline.entries.map((e) => (
              <li key={e.eventId} data-country={e.recordedBy.country}>
                <span className="country">{e.recordedBy.country}</span> <DateText value={e.occurredAt} withTime /> — <span className="stage">{e.stage}</span>:{' '}
                <span className="event">{e.eventType.replace(/^corridor\.v\d+\./, '')}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}
