import { useIntl } from 'react-intl';
import { LANGUAGE_NAMES, LOCALES, type Locale } from './i18n';

export function LanguageSelect({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  const intl = useIntl();
  return (
    <label className="language">
      {intl.formatMessage({ id: 'app.language' })}
      <select value={locale} onChange={(e) => onLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
