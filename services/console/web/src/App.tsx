import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { Locale } from './i18n';
import { LanguageSelect } from './LanguageSelect';
import { navigate, onLinkClick, usePath } from './router';
import { may, useSession } from './session';
import { WorkersScreen } from './screens/Workers';
import { AgenciesScreen, ContractsScreen, FeeBreachesScreen, JobOrdersScreen } from './screens/Lists';
import { TimelineScreen } from './screens/Timeline';

const OfflineScreen = lazy(() => import('./offline/OfflineScreen'));
// Screens of one role each load when opened (the first-screen budget).
const ArrivalsScreen = lazy(() => import('./arrivals/ArrivalsScreen'));
const GrievancesScreen = lazy(() => import('./screens/Queues').then((m) => ({ default: m.GrievancesScreen })));
const WorkQueueScreen = lazy(() => import('./screens/Queues').then((m) => ({ default: m.WorkQueueScreen })));
const CasesScreen = lazy(() => import('./reintegration/CasesScreen'));
const StatisticsScreen = lazy(() => import('./statistics/StatisticsScreen'));

/** Each screen and the operation (libs/auth access model, through /bff/me) that opens it. */
export const SCREENS: { path: string; label: string; operation: string; render: (rest: string) => ReactNode }[] = [
  { path: '/workers', label: 'nav.workers', operation: 'worker.search', render: () => <WorkersScreen /> },
  { path: '/agencies', label: 'nav.agencies', operation: 'agency.read', render: () => <AgenciesScreen /> },
  { path: '/job-orders', label: 'nav.jobOrders', operation: 'job-order.read', render: () => <JobOrdersScreen /> },
  { path: '/fee-breaches', label: 'nav.feeBreaches', operation: 'fee-breach.read', render: () => <FeeBreachesScreen /> },
  { path: '/contracts', label: 'nav.contracts', operation: 'contract.read', render: () => <ContractsScreen /> },
  { path: '/arrivals', label: 'nav.arrivals', operation: 'deployment.confirm-arrival', render: () => <ArrivalsScreen /> },
  { path: '/grievances', label: 'nav.grievances', operation: 'grievance.handle', render: () => <GrievancesScreen /> },
  { path: '/work-queue', label: 'nav.workQueue', operation: 'reintegration-case.manage', render: () => <WorkQueueScreen /> },
  { path: '/cases', label: 'nav.cases', operation: 'reintegration-case.manage', render: (rest) => <CasesScreen caseId={rest || undefined} /> },
  { path: '/timeline', label: 'nav.timeline', operation: 'journey.read', render: (rest) => <TimelineScreen journeyId={rest || undefined} /> },
  { path: '/statistics', label: 'nav.statistics', operation: 'statistics.read', render: () => <StatisticsScreen /> },
  { path: '/waiting', label: 'nav.waiting', operation: 'journey.read', render: () => <OfflineScreen /> },
];

export function App({ locale, onLocale, onSignOut }: { locale: Locale; onLocale: (l: Locale) => void; onSignOut: () => void }) {
  const intl = useIntl();
  const session = useSession();
  const path = usePath();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const screens = SCREENS.filter((s) => may(session, s.operation));
  const current = screens.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  const home = !current && screens.length ? screens[0].path : undefined;
  useEffect(() => {
    if (home) navigate(home);
  }, [home]);
  return (
    <>
      <a className="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <h1>{t('app.title')}</h1>
        <p className="who">{t('app.signedInAs', { subject: session.officer.subject, roles: session.officer.roles.map((r) => t(`role.${r}`)).join(', '), country: session.officer.country, node: session.nodeCountry })}</p>
        <LanguageSelect locale={locale} onLocale={onLocale} />
        <button type="button" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </header>
      <nav aria-label={t('nav.label')}>
        <ul>
          {screens.map((s) => (
            <li key={s.path}>
              <a href={s.path} onClick={onLinkClick} aria-current={current === s ? 'page' : undefined}>
                {t(s.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main">
        {screens.length === 0 ? <p role="status">{t('app.nothingHere')}</p> : null}
        <Suspense fallback={<p>{t('app.loading')}</p>}>{current ? current.render(path.slice(current.path.length + 1)) : null}</Suspense>
      </main>
    </>
  );
}
