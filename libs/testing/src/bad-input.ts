import fc from 'fast-check';
import { isoDay } from '@corridor/reference-data';
import type { JsonSchema } from './openapi-operations';

/** One invalid request: exactly the bytes and Content-Type sent (null: no Content-Type header). */
export interface BadRequest {
  label: string;
  contentType: string | null;
  body: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type PathKey = string | number;

/** A property somewhere in the body: where it is and what it is declared as. */
interface Slot {
  path: PathKey[];
  schema: JsonSchema;
  required: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A well-formed id of nothing, for id properties no scenario object is bound to. */
const NOBODYS_ID = '0193aaaa-0000-7000-8000-000000000001';

function typeOf(schema: JsonSchema): string {
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (schema.enum?.length) return typeof schema.enum[0];
  return 'unknown';
}

/** The format a string property is declared with, or shown by its example, description or name. */
function formatOf(schema: JsonSchema, name: string): 'uuid' | 'date' | 'date-time' | undefined {
  if (schema.format === 'uuid' || schema.format === 'date' || schema.format === 'date-time') return schema.format;
  if (typeof schema.example === 'string' && UUID.test(schema.example)) return 'uuid';
  if ((typeof schema.example === 'string' && DATE.test(schema.example)) || /YYYY-MM-DD/.test(schema.description ?? '')) return 'date';
  if (/Id$/.test(name)) return 'uuid';
  return undefined;
}

/**
 * A body the schema accepts, as far as the schema can tell: examples where declared, ids bound by
 * `bindId` (a property named like `workerId`), otherwise the least value of the declared type.
 * Mutating one property of it at a time makes each invalid request invalid for one reason.
 */
export function exampleOf(schema: JsonSchema, bindId: (property: string) => string | undefined = () => undefined, name = ''): Json {
  const bound = /Id$/.test(name) ? bindId(name) : undefined;
  if (bound) return bound;
  const type = typeOf(schema);
  if (type === 'object') {
    const body: Record<string, Json> = {};
    const required = new Set(schema.required ?? []);
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      const kind = typeOf(property);
      const nestedObjects = kind === 'object' || (kind === 'array' && property.items && typeOf(property.items) === 'object');
      if (required.has(key) || property.example !== undefined || nestedObjects || (/Id$/.test(key) && bindId(key))) body[key] = exampleOf(property, bindId, key);
    }
    if (schema.example && typeof schema.example === 'object' && !Array.isArray(schema.example)) return { ...(schema.example as Record<string, Json>), ...body };
    return body;
  }
  if (schema.example !== undefined) return schema.example as Json;
  if (schema.enum?.length) return schema.enum[0] as Json;
  if (type === 'array') {
    const item = exampleOf(schema.items ?? { type: 'string' }, bindId);
    return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => item);
  }
  if (type === 'number' || type === 'integer') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'string') {
    const format = formatOf(schema, name);
    if (format === 'uuid') return NOBODYS_ID;
    if (format === 'date') return isoDay();
    if (format === 'date-time') return new Date().toISOString();
    return 'a'.repeat(Math.max(schema.minLength ?? 4, 1));
  }
  return 'text';
}

function slotsOf(schema: JsonSchema, path: PathKey[] = [], depth = 0): Slot[] {
  if (depth > 4 || typeOf(schema) !== 'object') return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const here: Slot = { path: [...path, key], schema: property, required: required.has(key) };
    const kind = typeOf(property);
    const inner = kind === 'object' ? slotsOf(property, here.path, depth + 1) : kind === 'array' && property.items ? slotsOf(property.items, [...here.path, 0], depth + 1) : [];
    return [here, ...inner];
  });
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The body with the value at `path` replaced (undefined: removed); containers made if missing. */
function withValue(body: Json, path: PathKey[], value: Json | undefined): Json {
  const root = clone(body);
  let here = root as Record<PathKey, Json>;
  for (const key of path.slice(0, -1)) {
    if (here[key] === null || typeof here[key] !== 'object') here[key] = {};
    here = here[key] as Record<PathKey, Json>;
  }
  const last = path[path.length - 1];
  if (value === undefined) delete here[last];
  else here[last] = value;
  return root;
}

const json = (label: string, body: Json): BadRequest => ({ label, contentType: 'application/json', body: JSON.stringify(body) });
const where = (path: PathKey[]) => path.join('.');

/** `{"key": value, ...rest}` as text: JSON.stringify cannot write an own `__proto__` key. */
function withRawKey(body: Json, key: string, valueText: string): string {
  const rest = JSON.stringify(body);
  const inner = rest.startsWith('{') && rest !== '{}' ? `,${rest.slice(1)}` : '}';
  return `{${JSON.stringify(key)}:${valueText}${inner}`;
}

const WRONG_TYPE_VALUES: Record<string, Json> = { string: 'text', number: 12345, boolean: true, array: ['x'], object: { a: 1 }, null: null };

function wrongTypes(schema: JsonSchema): fc.Arbitrary<[string, Json]> {
  const declared = typeOf(schema) === 'integer' ? 'number' : typeOf(schema);
  const others = Object.entries(WRONG_TYPE_VALUES).filter(([type]) => type !== declared && !(type === 'null' && schema.nullable));
  return fc.constantFrom(...others);
}

function withCharacterAt(base: string, char: string): fc.Arbitrary<string> {
  return fc.nat({ max: base.length }).map((at) => `${base.slice(0, at)}${char}${base.slice(at)}`);
}

const BAD_FORMATS: Record<string, string[]> = {
  uuid: ['not-a-uuid', '12345', '0193aaaa-0000-7000-8000-00000000000g', '0193aaaa00007000800000000000000a', ''],
  date: ['2026-13-01', '20260101', '2026-1-1', '01/02/2026', '2026-01-01T00:00:00Z', 'tomorrow'],
  'date-time': ['yesterday', '2026-01-01 25:00', '2026-13-01T00:00:00Z'],
};

/** The ways a slot's value can break its declaration, each an arbitrary of one invalid request. */
function mutationsOf(body: Json, slot: Slot): fc.Arbitrary<BadRequest>[] {
  const { path, schema } = slot;
  const at = where(path);
  const set = (label: string) => (value: Json) => json(`${label} at ${at}`, withValue(body, path, value));
  const type = typeOf(schema);
  const name = String(path[path.length - 1]);
  const out: fc.Arbitrary<BadRequest>[] = [];
  if (slot.required) out.push(fc.constant(json(`required ${at} missing`, withValue(body, path, undefined))));
  out.push(wrongTypes(schema).map(([kind, value]) => json(`${kind} for ${type} at ${at}`, withValue(body, path, value))));
  if (schema.enum?.length) {
    const known = new Set(schema.enum.map(String));
    const first = String(schema.enum[0]);
    out.push(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(first.toUpperCase(), `${first} `, `${first}x`)).filter((v) => !known.has(v)).map(set('value outside the enum')));
  }
  if (type === 'string') {
    const base = typeof schema.example === 'string' ? schema.example : 'abc';
    if (schema.maxLength !== undefined) out.push(fc.constant('x'.repeat(schema.maxLength + 1)).map(set(`over maxLength ${schema.maxLength}`)));
    if (schema.minLength) out.push(fc.constant('x'.repeat(schema.minLength - 1)).map(set(`under minLength ${schema.minLength}`)));
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern, 'u');
      out.push(fc.string({ maxLength: 16 }).filter((v) => !pattern.test(v)).map(set(`not matching ${schema.pattern}`)));
    }
    const format = formatOf(schema, name);
    if (format) out.push(fc.constantFrom(...BAD_FORMATS[format]).map(set(`not a ${format}`)));
    out.push(withCharacterAt(base, '\u0000').map(set('NUL')));
    out.push(fc.integer({ min: 1, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13).chain((c) => withCharacterAt(base, String.fromCharCode(c))).map(set('C0 control')));
    out.push(fc.integer({ min: 0xd800, max: 0xdfff }).chain((c) => withCharacterAt(base, String.fromCharCode(c))).map(set('lone surrogate')));
  }
  if (type === 'number' || type === 'integer') {
    if (schema.minimum !== undefined) out.push(fc.double({ min: -1e9, max: schema.minimum, maxExcluded: true, noNaN: true }).map(set(`under minimum ${schema.minimum}`)));
    if (schema.maximum !== undefined) out.push(fc.double({ min: schema.maximum, max: schema.maximum * 10 + 10, minExcluded: true, noNaN: true }).map(set(`over maximum ${schema.maximum}`)));
    if (type === 'integer') out.push(fc.constant(1.5).map(set('not an integer')));
  }
  if (type === 'array') {
    const item = exampleOf(schema.items ?? { type: 'string' });
    if (schema.maxItems !== undefined) out.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => item)).map(set(`over maxItems ${schema.maxItems}`)));
    if (schema.minItems) out.push(fc.constant(Array.from({ length: schema.minItems - 1 }, () => item)).map(set(`under minItems ${schema.minItems}`)));
    if (schema.items) out.push(wrongTypes(schema.items).map(([kind, value]) => json(`${kind} item at ${at}`, withValue(body, path, [value]))));
  }
  if (type === 'object') {
    out.push(fc.constant(json(`array instead of object at ${at}`, withValue(body, path, [exampleOf(schema)]))));
    out.push(fc.constant(json(`unknown property in ${at}`, withValue(body, [...path, 'favouriteColour'], 'blue'))));
  }
  return out;
}

function formEncoded(body: Json): string {
  const params = new URLSearchParams();
  const add = (prefix: string, value: Json) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) add(prefix ? `${prefix}[${key}]` : key, inner);
    } else params.append(prefix, String(value));
  };
  add('', body);
  return params.toString();
}

/** Invalid requests every JSON body must refuse, whatever its schema. */
export function structuralBadRequests(body: Json): BadRequest[] {
  const text = JSON.stringify(body);
  const deep = 2000;
  return [
    json('array where an object is declared (the body)', [body]),
    json('unknown top-level property', withValue(body, ['favouriteColour'], 'blue')),
    { label: '__proto__ key', contentType: 'application/json', body: withRawKey(body, '__proto__', '{"polluted":true}') },
    { label: 'constructor key', contentType: 'application/json', body: withRawKey(body, 'constructor', '{"prototype":{"polluted":true}}') },
    { label: `${deep}-deep nested object`, contentType: 'application/json', body: `${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}` },
    { label: `${deep}-deep nested array in a property`, contentType: 'application/json', body: withRawKey(body, 'nested', `${'['.repeat(deep)}${']'.repeat(deep)}`) },
    { label: 'malformed JSON', contentType: 'application/json', body: text.slice(0, Math.max(1, text.length - 1)) },
    { label: 'form-urlencoded body', contentType: 'application/x-www-form-urlencoded', body: formEncoded(body) },
    { label: 'text/plain body', contentType: 'text/plain', body: text },
    { label: 'no Content-Type', contentType: null, body: text },
  ];
}

export interface BadInputOptions {
  seed: number;
  /** Invalid requests per operation, the structural ones included. */
  count: number;
  bindId?: (property: string) => string | undefined;
}

/** A stable 32-bit seed from text, so each operation has its own deterministic sample. */
export function seedOf(text: string, base = 0): number {
  let hash = base | 0;
  for (const char of text) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/**
 * Invalid requests for a JSON body schema: the structural ones, then a fixed-seed sample of one
 * property broken at a time (missing, wrong type, outside its enum, length, format, pattern,
 * range, control characters, lone surrogates, arrays for objects, unknown keys).
 */
export function badRequestsFor(schema: JsonSchema | undefined, options: BadInputOptions): BadRequest[] {
  const declared = schema ?? { type: 'object', properties: {} };
  const body = exampleOf(declared, options.bindId);
  const structural = structuralBadRequests(body);
  const mutations = slotsOf(declared).flatMap((slot) => mutationsOf(body, slot).map((arbitrary) => ({ slot, arbitrary })));
  const wanted = Math.max(0, options.count - structural.length);
  if (!mutations.length || !wanted) return structural;
  // A slot first, then one of its mutations: each property gets its share, however many ways it can break.
  const bySlot = new Map<string, fc.Arbitrary<BadRequest>[]>();
  for (const { slot, arbitrary } of mutations) bySlot.set(where(slot.path), [...(bySlot.get(where(slot.path)) ?? []), arbitrary]);
  const arbitrary = fc.constantFrom(...bySlot.values()).chain((ways) => fc.oneof(...ways));
  const seen = new Set(structural.map((r) => r.label + r.body));
  const sampled: BadRequest[] = [];
  for (const candidate of fc.sample(arbitrary, { seed: options.seed, numRuns: wanted * 3 })) {
    const key = candidate.label + candidate.body;
    if (seen.has(key)) continue;
    seen.add(key);
    sampled.push(candidate);
    if (sampled.length === wanted) break;
  }
  return [...structural, ...sampled];
}
