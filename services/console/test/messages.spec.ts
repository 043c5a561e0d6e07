import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/**
 * Every string of the console in every language: the same keys in all six files, each a valid ICU
 * message with the same arguments as the English one, plurals with an `other` case, and every
 * key the screens name (literally) present. The browser suite checks what the screens ask at run time.
 */
const WEB = path.resolve(__dirname, '../web/src');
const LOCALES = ['en', 'km', 'th', 'lo', 'my', 'vi'];
const load = (locale: string) => JSON.parse(readFileSync(path.join(WEB, 'messages', `${locale}.json`), 'utf8')) as Record<string, string>;
const english = load('en');

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function pluralsWithoutOther(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) => (e.type === TYPE.plural ? [...(e.options.other ? [] : [e.value]), ...Object.values(e.options).flatMap((o) => pluralsWithoutOther(o.value))] : []));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('console messages', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English keys', (locale) => {
    const keys = Object.keys(load(locale)).sort();
    expect(Object.keys(english).sort().filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => !(k in english))).toEqual([]);
  });

  it.each(LOCALES)('%s: every message parses as ICU, with the English arguments and an `other` plural case', (locale) => {
    const messages = load(locale);
    const wrong: string[] = [];
    for (const [key, text] of Object.entries(messages)) {
      const ast = parse(text);
      const expected = [...argumentsOf(parse(english[key] ?? ''))].sort();
      if (JSON.stringify([...argumentsOf(ast)].sort()) !== JSON.stringify(expected)) wrong.push(`${key}: arguments differ from English (${expected.join(', ')})`);
      if (pluralsWithoutOther(ast).length) wrong.push(`${key}: a plural without "other"`);
      if (!text.trim()) wrong.push(`${key}: empty`);
    }
    expect(wrong).toEqual([]);
  });

  it('every message id a screen names literally exists in English', () => {
    const ids = new Set<string>();
    for (const file of sources(WEB)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bid[:=]\s*|\bt\()['"]([a-zA-Z][\w-]*\.[\w.-]+)['"]/g)) ids.add(m[1]);
      for (const m of text.matchAll(/\blabel: '([a-z]+\.[\w.-]+)'/g)) ids.add(m[1]);
    }
    expect(ids.size).toBeGreaterThan(50);
    expect([...ids].filter((id) => !(id in english))).toEqual([]);
  });
});
