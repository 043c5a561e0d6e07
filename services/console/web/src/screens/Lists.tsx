import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api } from '../api';
import { ActionButton, PagedList, ProblemMessage, SelectField } from '../components';
import { DateText, Money } from '../format';
import { onLinkClick } from '../router';
import { may, useSession } from '../session';

interface MoneyValue {
  amountMinor: number;
  currency: string;
}

export function StatusFilter({ statuses, value, onChange }: { statuses: string[]; value: string; onChange: (v: string) => void }) {
  const intl = useIntl();
  return (
    <SelectField
      className="filter"
      label={intl.formatMessage({ id: 'list.status' })}
      value={value}
      options={statuses}
      onChange={onChange}
      labelOf={(s) => intl.formatMessage({ id: `status.${s}` })}
      empty={intl.formatMessage({ id: 'list.all' })}
    />
  );
}

export const Status = ({ value }: { value: string }) => <FormattedMessage id={`status.${value}`} />;

const TimelineLink = ({ journeyId }: { journeyId: string }) => (
  <a href={`/timeline/${journeyId}`} onClick={onLinkClick}>
    <FormattedMessage id="workers.openTimeline" />
  </a>
);

interface Agency {
  agencyId: string;
  name: string;
  licenceNumber: string;
  licenceValidFrom: string;
  licenceValidTo: string;
  status: string;
  mayRecruitToday: boolean;
  whyNot: string | null;
}

export function AgenciesScreen() {
  const intl = useIntl();
  const [status, setStatus] = useState('');
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <>
      <h2>{t('nav.agencies')}</h2>
      <StatusFilter statuses={['licensed', 'suspended', 'revoked']} value={status} onChange={setStatus} />
      <PagedList<Agency>
        label={t('nav.agencies')}
        path="agencies"
        query={{ status: status || undefined }}
        rowKey={(a) => a.agencyId}
        columns={[
          { header: t('agencies.name'), cell: (a) => a.name },
          { header: t('agencies.licence'), cell: (a) => a.licenceNumber },
          { header: t('agencies.validTo'), cell: (a) => <DateText value={a.licenceValidTo} /> },
          { header: t('list.status'), cell: (a) => <Status value={a.status} /> },
          { header: t('agencies.mayRecruit'), cell: (a) => (a.mayRecruitToday ? t('common.yes') : `${t('common.no')} — ${a.whyNot ?? ''}`) },
        ]}
      />
    </>
  );
}

interface JobOrder {
  jobOrderId: string;
  corridor: { origin: string; destination: string };
  status: string;
  allowedActions: string[];
  employer: { name: string; workplaceProvince: string };
  occupationIsco: string;
  workersRequested: number;
  wage: MoneyValue & { period: string };
  hoursPerDay: number;
  contractMonths: number;
  createdAt: string;
}

export function JobOrdersScreen() {
  const intl = useIntl();
  const session = useSession();
  const [status, setStatus] = useState(may(session, 'job-order.approve') ? 'submitted' : may(session, 'job-order.decide') ? 'approved' : '');
  const [reload, setReload] = useState(0);
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <>
      <h2>{t('nav.jobOrders')}</h2>
      <StatusFilter statuses={['submitted', 'approved', 'verified', 'rejected', 'filled']} value={status} onChange={setStatus} />
      <PagedList<JobOrder>
        label={t('nav.jobOrders')}
        path="job-orders"
        query={{ status: status || undefined }}
        reloadToken={reload}
        rowKey={(o) => o.jobOrderId}
        columns={[
          { header: t('jobOrders.employer'), cell: (o) => `${o.employer.name} (${o.employer.workplaceProvince})` },
          { header: t('jobOrders.corridor'), cell: (o) => `${o.corridor.origin} → ${o.corridor.destination}` },
          { header: t('jobOrders.workers'), cell: (o) => intl.formatMessage({ id: 'jobOrders.workersCount' }, { count: o.workersRequested }) },
          { header: t('jobOrders.wage'), cell: (o) => <Money {...o.wage} /> },
          { header: t('jobOrders.created'), cell: (o) => <DateText value={o.createdAt} /> },
          { header: t('list.status'), cell: (o) => <Status value={o.status} /> },
          {
            header: t('list.actions'),
            cell: (o) => (
              <>
                {o.allowedActions.includes('approve') && may(session, 'job-order.approve') ? (
                  <ActionButton label={t('jobOrders.approve')} run={(key) => api.post(`job-orders/${o.jobOrderId}/approval`, {}, key)} onDone={() => setReload((r) => r + 1)} />
                ) : null}
                {o.allowedActions.includes('verify') && may(session, 'job-order.decide') ? (
                  <ActionButton label={t('jobOrders.verify')} run={(key) => api.post(`job-orders/${o.jobOrderId}/verification`, {}, key)} onDone={() => setReload((r) => r + 1)} />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

interface Breach {
  breachId: string;
  journeyId: string;
  corridor: string;
  cap: MoneyValue;
  paidTotal: MoneyValue;
  excess: MoneyValue;
  status: string;
  raisedAt: string;
}

export function FeeBreachesScreen() {
  const intl = useIntl();
  const [status, setStatus] = useState('open');
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <>
      <h2>{t('nav.feeBreaches')}</h2>
      <StatusFilter statuses={['open', 'resolved-by-refund', 'resolved-by-decision']} value={status} onChange={setStatus} />
      <PagedList<Breach>
        label={t('nav.feeBreaches')}
        path="fee-breaches"
        query={{ status: status || undefined }}
        rowKey={(b) => b.breachId}
        columns={[
          { header: t('fees.raised'), cell: (b) => <DateText value={b.raisedAt} /> },
          { header: t('jobOrders.corridor'), cell: (b) => b.corridor },
          { header: t('fees.cap'), cell: (b) => <Money {...b.cap} /> },
          { header: t('fees.paid'), cell: (b) => <Money {...b.paidTotal} /> },
          { header: t('fees.excess'), cell: (b) => <Money {...b.excess} /> },
          { header: t('list.status'), cell: (b) => <Status value={b.status} /> },
          { header: t('nav.timeline'), cell: (b) => <TimelineLink journeyId={b.journeyId} /> },
        ]}
      />
    </>
  );
}

interface Terms {
  employerName: string;
  workplaceProvince: string;
  occupationIsco: string;
  wage: MoneyValue;
  hoursPerDay: number;
  contractMonths: number;
}
interface Contract {
  contractId: string;
  journeyId: string;
  jobOrderId: string;
  corridor: { origin: string; destination: string };
  status: string;
  allowedActions: string[];
  version: number;
  terms: Terms;
  openFlags: unknown[];
  updatedAt: string;
}

/** The contract's terms beside the job order's, so the verifier sees every difference at once. */
function TermsSideBySide({ contract }: { contract: Contract }) {
  const intl = useIntl();
  const [order, setOrder] = useState<JobOrder | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(false);
  const t = (id: string) => intl.formatMessage({ id });
  const show = async () => {
    setOpen(!open);
    if (!order) api.get<JobOrder>(`job-orders/${contract.jobOrderId}`).then(setOrder, setError);
  };
  const rows: [string, React.ReactNode, React.ReactNode, boolean][] = order
    ? [
        ['jobOrders.employer', order.employer.name, contract.terms.employerName, order.employer.name === contract.terms.employerName],
        ['contracts.occupation', order.occupationIsco, contract.terms.occupationIsco, order.occupationIsco === contract.terms.occupationIsco],
        ['jobOrders.wage', <Money key="o" {...order.wage} />, <Money key="c" {...contract.terms.wage} />, order.wage.amountMinor === contract.terms.wage.amountMinor],
        ['contracts.hours', order.hoursPerDay, contract.terms.hoursPerDay, order.hoursPerDay === contract.terms.hoursPerDay],
        ['contracts.months', order.contractMonths, contract.terms.contractMonths, order.contractMonths === contract.terms.contractMonths],
      ]
    : [];
  return (
    <>
      <button type="button" aria-expanded={open} onClick={show}>
        {t('contracts.compare')}
      </button>
      <ProblemMessage error={error} />
      {open && order ? (
        <table className="side-by-side">
          <caption>{t('contracts.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.field')}</th>
              <th scope="col">{t('contracts.jobOrderTerms')}</th>
              <th scope="col">{t('contracts.contractTerms')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, a, b, same]) => (
              <tr key={label} className={same ? undefined : 'differs'}>
                <th scope="row">{t(label)}</th>
                <td>{a}</td>
                <td>{b}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export function ContractsScreen() {
  const intl = useIntl();
  const session = useSession();
  const [status, setStatus] = useState('signed');
  const [reload, setReload] = useState(0);
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <>
      <h2>{t('nav.contracts')}</h2>
      <StatusFilter statuses={['draft', 'signed', 'partly-verified', 'verified']} value={status} onChange={setStatus} />
      <PagedList<Contract>
        label={t('nav.contracts')}
        path="contracts"
        query={{ status: status || undefined }}
        reloadToken={reload}
        rowKey={(c) => c.contractId}
        columns={[
          { header: t('jobOrders.employer'), cell: (c) => c.terms.employerName },
          { header: t('jobOrders.wage'), cell: (c) => <Money {...c.terms.wage} /> },
          { header: t('contracts.updated'), cell: (c) => <DateText value={c.updatedAt} /> },
          { header: t('list.status'), cell: (c) => <Status value={c.status} /> },
          { header: t('timeline.openFlags'), cell: (c) => intl.formatMessage({ id: 'timeline.flagCount' }, { count: c.openFlags.length }) },
          { header: t('contracts.terms'), cell: (c) => <TermsSideBySide contract={c} /> },
          {
            header: t('list.actions'),
            cell: (c) =>
              c.allowedActions.includes('verify') && may(session, 'contract.decide') ? (
                <ActionButton label={t('contracts.verify')} run={(key) => api.post(`contracts/${c.contractId}/verifications`, {}, key)} onDone={() => setReload((r) => r + 1)} />
              ) : (
                <TimelineLink journeyId={c.journeyId} />
              ),
          },
        ]}
      />
    </>
  );
}
