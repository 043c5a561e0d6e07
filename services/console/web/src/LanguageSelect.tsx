import { useIntl } from 'react-intl';
import type { Locale } from './i18n';
import { LanguageOptions } from './LanguageOptions';

export function LanguageSelect({ locale, onLocale }: { locale: Locale; onLocale: (l: Locale) => void }) {
  const intl = useIntl();
  return (
    <label className="language">
      {intl.formatMessage({ id: 'app.language' })}
      <select value={locale} onChange={(e) => onLocale(e.target.value as Locale)}>
        <LanguageOptions />
      </select>
    </label>
  );
}
