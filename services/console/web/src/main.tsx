import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { IntlProvider } from 'react-intl';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-myanmar/400.css';
import './styles.css';
import { ApiError, call } from './api';
import { App } from './App';
import { englishMessages, INTL_LOCALE, isLocale, loadMessages, type Locale, type Messages } from './i18n';
import { clearOfflineStore, startBackgroundSending } from './offline/queue';
import { SessionContext, type SessionInfo } from './session';
import { SignInScreen } from './screens/SignIn';
import { LanguageSelect } from './LanguageSelect';
import { installNumberFallback } from './number-fallback';

declare global {
  interface Window {
    /** Message ids a screen asked for that its language lacks (the browser tests fail on any). */
    __corridorMissing: string[];
  }
}
window.__corridorMissing = [];
// Khmer, Lao and Myanmar numbers as CLDR writes them where this browser has no data for them.
installNumberFallback();

const ANON_LOCALE = 'corridor.locale';

function Root() {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [locale, setLocale] = useState<Locale>(() => {
    const stored = localStorage.getItem(ANON_LOCALE);
    return isLocale(stored) ? stored : 'en';
  });
  const [messages, setMessages] = useState<Messages>(englishMessages);

  useEffect(() => {
    call<SessionInfo>('GET', '/bff/me').then(
      (me) => {
        setSession(me);
        if (isLocale(me.locale)) setLocale(me.locale);
      },
      (e: unknown) => setSession(e instanceof ApiError ? null : null),
    );
  }, []);

  useEffect(() => {
    let live = true;
    loadMessages(locale).then((m) => live && setMessages(m));
    document.documentElement.lang = locale;
    return () => {
      live = false;
    };
  }, [locale]);

  const chooseLocale = useCallback(
    (next: Locale) => {
      setLocale(next);
      localStorage.setItem(ANON_LOCALE, next);
      // Remembered per officer by the console, so it follows them to another browser.
      if (session) void call('PUT', '/bff/preferences', { locale: next }).catch(() => undefined);
    },
    [session],
  );

  const signOut = useCallback(async () => {
    await call('POST', '/auth/sign-out', {}).catch(() => undefined);
    await clearOfflineStore();
    setSession(null);
    history.replaceState(null, '', '/');
  }, []);

  const signedIn = useCallback(
    (me: SessionInfo) => {
      setSession(me);
      if (isLocale(me.locale)) setLocale(me.locale);
      else void call('PUT', '/bff/preferences', { locale }).catch(() => undefined);
    },
    [locale],
  );

  useEffect(() => {
    if (session) startBackgroundSending();
  }, [session]);

  return (
    <IntlProvider
      locale={INTL_LOCALE[locale]}
      messages={messages}
      defaultLocale="en-GB"
      onError={(error) => {
        if (error.code === 'MISSING_TRANSLATION' || error.code === 'FORMAT_ERROR') window.__corridorMissing.push(`${locale}: ${error.message}`);
      }}
    >
      {session === undefined ? null : session === null ? (
        <>
          <LanguageOnly locale={locale} onLocale={chooseLocale} />
          <SignInScreen onSignedIn={signedIn} />
        </>
      ) : (
        <SessionContext.Provider value={session}>
          <App locale={locale} onLocale={chooseLocale} onSignOut={signOut} />
        </SessionContext.Provider>
      )}
    </IntlProvider>
  );
}

function LanguageOnly({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  return (
    <header>
      <LanguageSelect locale={locale} onLocale={onLocale} />
    </header>
  );
}


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

// The service worker (shell and current lists offline) loads after the first screen.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => void import('workbox-window').then(({ Workbox }) => new Workbox('/sw.js').register()));
}
