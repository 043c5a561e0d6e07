import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-myanmar/400.css';
import './portal.css';
import { LanguageOptions } from '../src/LanguageOptions';
import { isLocale, type Locale } from '../src/locales';
import en from './messages/en.json';
import { WordsContext, loadPortalMessages, wordsFor, type Messages } from './i18n';
import { AgenciesScreen } from './screens/Agencies';
import { FollowScreen } from './screens/Follow';
import { ReportScreen } from './screens/Report';
import { RulesScreen } from './screens/Rules';
import { VerifyScreen } from './screens/Verify';

window.__corridorMissing = [];

const SCREENS = { agencies: AgenciesScreen, rules: RulesScreen, verify: VerifyScreen, report: ReportScreen, follow: FollowScreen } as const;
type Screen = keyof typeof SCREENS;
const isScreen = (s: string): s is Screen => s in SCREENS;
const screenOfHash = (): Screen => {
  const s = location.hash.replace(/^#/, '');
  return isScreen(s) ? s : 'agencies';
};
const STORED_LOCALE = 'corridor.portal.locale';

/** The first language: the one chosen before, else the browser's if it is one of the six, else English. */
function firstLocale(): Locale {
  const stored = localStorage.getItem(STORED_LOCALE);
  if (isLocale(stored)) return stored;
  const browser = navigator.language.split('-')[0];
  return isLocale(browser) ? browser : 'en';
}

function Portal() {
  const [locale, setLocale] = useState<Locale>(firstLocale);
  const [messages, setMessages] = useState<Messages>(en);
  const [screen, setScreen] = useState<Screen>(screenOfHash);

  useEffect(() => {
    let live = true;
    loadPortalMessages(locale).then((m) => live && setMessages(m));
    document.documentElement.lang = locale;
    return () => {
      live = false;
    };
  }, [locale]);
  useEffect(() => {
    const follow = () => setScreen(screenOfHash());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const words = useMemo(() => wordsFor(locale, messages), [locale, messages]);
  const { t } = words;
  const Current = SCREENS[screen];
  useEffect(() => {
    document.title = `${t(`portal.nav.${screen}`)} · ${t('portal.title')}`;
  }, [t, screen]);

  return (
    <WordsContext.Provider value={words}>
      <a className="skip" href="#content">
        {t('portal.skip')}
      </a>
      <header>
        <p className="site">{t('portal.title')}</p>
        <label className="language">
          {t('portal.language')}
          <select
            value={locale}
            onChange={(e) => {
              const next = e.target.value;
              if (!isLocale(next)) return;
              setLocale(next);
              localStorage.setItem(STORED_LOCALE, next);
            }}
          >
            <LanguageOptions />
          </select>
        </label>
      </header>
      <nav aria-label={t('portal.nav')}>
        <ul>
          {(Object.keys(SCREENS) as Screen[]).map((s) => (
            <li key={s}>
              <a href={`#${s}`} aria-current={s === screen ? 'page' : undefined}>
                {t(`portal.nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="content" tabIndex={-1}>
        <h1>{t(`portal.nav.${screen}`)}</h1>
        <Current key={screen} />
      </main>
    </WordsContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Portal />
  </StrictMode>,
);
