/**
 * A small YAML writer for plain JSON data (objects, arrays, strings, numbers, booleans, null),
 * enough for the generated AsyncAPI document: block style, keys in insertion order, strings
 * quoted when YAML would read them as something else, multi-line strings as literal blocks.
 */
export function toYaml(value: unknown): string {
  return `${render(value, 0).replace(/^\n/, '')}\n`;
}

const PLAIN = /^[A-Za-z_./$][A-Za-z0-9_ ./$#()'-]*$/;
const RESERVED = /^(?:true|false|yes|no|on|off|null|~|y|n)$/i;

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  if (PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(' ') && !text.includes(' #') && !text.includes(': ')) return text;
  return JSON.stringify(text);
}

function key(text: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_.$-]*$/.test(text) && !RESERVED.test(text) ? text : JSON.stringify(text);
}

function isEmpty(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

// Returns the value as it follows "key:" (or "-"): " scalar", or a newline and an indented block.
function render(value: unknown, indent: number): string {
  const pad = '  '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        const rendered = render(item, indent + 1);
        // A mapping as a list item starts on the dash's line.
        return rendered.startsWith('\n') && !Array.isArray(item) ? `\n${pad}- ${rendered.slice(pad.length + 3)}` : `\n${pad}-${rendered}`;
      })
      .join('');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad}${key(k)}:${isEmpty(v) ? render(v, indent + 1) : render(v, indent + 1)}`).join('');
  }
  if (typeof value === 'string' && value.includes('\n')) {
    const body = value.replace(/\n$/, '').split('\n').map((line) => (line ? `${pad}${line}` : '')).join('\n');
    return ` |${value.endsWith('\n') ? '' : '-'}\n${body}`;
  }
  return ` ${scalar(value)}`;
}
