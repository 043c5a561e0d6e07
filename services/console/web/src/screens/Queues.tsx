import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PagedList } from '../components';
import { DateText } from '../format';
import { onLinkClick } from '../router';
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
  category: string;
  filedByCountry: string;
  filedOn: string;
  deadlineOn: string;
  status: string;
  assignee: string | null;
  overdue: unknown;
}

/**
 * The grievances the receiving country's agency answers, open ones first by default. What
 * happened (the description) stays out of the list: the least person data in a list the
 * service worker keeps for offline use.
 */
export function GrievancesScreen() {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [status, setStatus] = useState('open');
  return (
    <>
      <h2>{t('nav.grievances')}</h2>
      <StatusFilter statuses={['open', 'under-investigation', 'referred', 'resolved', 'closed']} value={status} onChange={setStatus} />
      <PagedList<Grievance>
        label={t('nav.grievances')}
        path="grievances"
        query={{ status: status || undefined }}
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
          { header: t('nav.timeline'), cell: (g) => <TimelineLink journeyId={g.journeyId} /> },
        ]}
      />
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
        ]}
      />
    </>
  );
}
