import { LANGUAGE_NAMES, LOCALES } from './locales';

/** The six languages as the options of a switcher, each named in its own script and tagged with its language (console and portal). */
export function LanguageOptions() {
  return (
    <>
      {LOCALES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </>
  );
}
