import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { SERVICE_APPS } from '../support/country-nodes';
import { SCENARIO_SERVICES } from '../support/platform-scenario';

/**
 * Every 2xx answer of every service has a schema in its OpenAPI document: clients generate their
 * types from it, and an answer described only by prose (or a hand-written example) is one they
 * must guess. Views are classes with @ApiProperty (docs/stages.md). The services are those of
 * the platform scenario (SCENARIO_SERVICES, which the stage-service generator extends), so a new
 * stage is walked without an edit here.
 */
jest.setTimeout(180_000);

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
}
interface Response {
  content?: Record<string, { schema?: Schema }>;
}
interface Document {
  paths: Record<string, Record<string, { responses?: Record<string, Response>; requestBody?: Response }>>;
  components?: { schemas?: Record<string, Schema> };
}

const REF_PREFIX = '#/components/schemas/';

/** Every `$ref` anywhere in the document that names no schema of its components. */
function danglingRefs(document: Document): string[] {
  const dangling = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !(value.startsWith(REF_PREFIX) && document.components?.schemas?.[value.slice(REF_PREFIX.length)])) dangling.add(value);
      else walk(value);
    }
  };
  walk(document);
  return [...dangling];
}

function resolve(document: Document, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref && hops < 10; hops++) current = document.components?.schemas?.[current.$ref.slice(REF_PREFIX.length)];
  return current;
}

/**
 * Places in a schema, and in the schemas it reaches, that say nothing about the value: `{}`, an
 * object without properties (a nested view that is an interface, not a class), an array without
 * items. `details`-like free-form objects declare additionalProperties and pass.
 */
function emptyPlaces(document: Document, schema: Schema | undefined, where: string, seen = new Set<string>()): string[] {
  if (schema?.$ref) {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
  }
  const target = resolve(document, schema);
  if (!target) return [`${where}: no schema`];
  const nested = (children: [string, Schema | undefined][]) => children.flatMap(([name, child]) => emptyPlaces(document, child, `${where}${name}`, seen));
  if (target.allOf || target.oneOf || target.anyOf) return nested([...(target.allOf ?? []), ...(target.oneOf ?? []), ...(target.anyOf ?? [])].map((s, i) => [`[${i}]`, s]));
  if (target.enum) return [];
  if (target.type === 'array') return target.items ? nested([['[]', target.items]]) : [`${where}: array without items`];
  if (target.properties && Object.keys(target.properties).length) return nested(Object.entries(target.properties).map(([name, child]) => [`.${name}`, child]));
  if (target.additionalProperties) return typeof target.additionalProperties === 'object' ? nested([['{}', target.additionalProperties]]) : [];
  if (target.type && target.type !== 'object') return [];
  return [`${where}: ${JSON.stringify(target)} says nothing`];
}

/**
 * "GET /api/v1/x 200: …" for each 2xx answer whose JSON body has no schema, a schema that is not
 * an object with properties or an array of them, or one that reaches an empty schema.
 */
function undescribed(document: Document): string[] {
  const missing: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const name = `${method.toUpperCase()} ${path} ${status}`;
        // A non-JSON answer (the statistics' CSV) is described by its media type and a string schema.
        const csv = response.content?.['text/csv']?.schema;
        if (csv && resolve(document, csv)?.type === 'string') continue;
        const schema = response.content?.['application/json']?.schema;
        const target = resolve(document, schema);
        const body = target?.type === 'array' ? resolve(document, target.items) : target;
        if (!body?.properties || !Object.keys(body.properties).length) {
          missing.push(`${name}: ${schema ? `${JSON.stringify(schema).slice(0, 120)} is not an object with properties (or an array of them)` : 'no schema'}`);
          continue;
        }
        missing.push(...emptyPlaces(document, schema, name));
      }
    }
  }
  return missing;
}

/** "POST /api/v1/x" for each POST, PUT or PATCH with no application/json request body in the document. */
function writesWithoutBody(document: Document): string[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method, operation]) => ['post', 'put', 'patch'].includes(method) && !operation.requestBody?.content?.['application/json']?.schema)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

const kh = testNodeConfig('KH');
const databases: string[] = [];
const documents: Record<string, Document> = {};

beforeAll(async () => {
  for (const [name, create] of Object.entries(SERVICE_APPS)) {
    const database = uniqueName(`gen_openapi_${name.replace(/-/g, '_')}`);
    databases.push(database);
    const { app } = await create(kh, { database, startRelay: false });
    try {
      documents[name] = (await request((app as INestApplication).getHttpServer()).get('/api/docs-json').expect(200)).body as Document;
    } finally {
      await app.close();
    }
  }
});

afterAll(() => dropTestDatabases(kh, ...databases));

describe('the walker of OpenAPI documents', () => {
  const view = { type: 'object', properties: { id: { type: 'string' } } };
  const answer = (schema?: Schema): Document => ({
    paths: { '/x': { get: { responses: { '200': schema ? { content: { 'application/json': { schema } } } : {} } } } },
    components: { schemas: { View: view as Schema, Empty: { type: 'object', properties: {} }, Holder: { type: 'object', properties: { inner: { $ref: `${REF_PREFIX}Empty` } } } } },
  });

  it('passes a view class, an array of them and a page of them', () => {
    expect(undescribed(answer({ $ref: `${REF_PREFIX}View` }))).toEqual([]);
    expect(undescribed(answer({ type: 'array', items: { $ref: `${REF_PREFIX}View` } }))).toEqual([]);
    expect(undescribed(answer({ type: 'object', properties: { items: { type: 'array', items: { $ref: `${REF_PREFIX}View` } }, total: { type: 'integer' } } }))).toEqual([]);
  });

  it('refuses an answer without a schema, an empty object, and an empty nested view', () => {
    expect(undescribed(answer())).toEqual(['GET /x 200: no schema']);
    expect(undescribed(answer({ type: 'object' }))).toHaveLength(1);
    expect(undescribed(answer({ $ref: `${REF_PREFIX}Empty` }))).toHaveLength(1);
    expect(undescribed(answer({ $ref: `${REF_PREFIX}Holder` }))).toEqual([expect.stringContaining('GET /x 200.inner')]);
    expect(undescribed(answer({ type: 'object', properties: { tags: { type: 'array' } } }))).toEqual(['GET /x 200.tags: array without items']);
  });

  it('finds a $ref that names no schema', () => {
    expect(danglingRefs(answer({ $ref: `${REF_PREFIX}Missing` }))).toEqual([`${REF_PREFIX}Missing`]);
    expect(danglingRefs(answer({ $ref: `${REF_PREFIX}View` }))).toEqual([]);
  });
});

describe('OpenAPI documents of the services', () => {
  it('are read from every service of the platform scenario', () => {
    expect(Object.keys(SERVICE_APPS).sort()).toEqual([...SCENARIO_SERVICES].sort());
  });

  describe.each(Object.keys(SERVICE_APPS))('%s', (service) => {
    it('declares its operations', () => {
      expect(Object.keys(documents[service].paths).length).toBeGreaterThan(1);
    });

    it('has a schema, an object with properties, for every 2xx answer', () => {
      expect(undescribed(documents[service])).toEqual([]);
    });

    it('resolves every $ref', () => {
      expect(danglingRefs(documents[service])).toEqual([]);
    });

    it('declares a JSON request body for every write, as the input policy wants one on each', () => {
      expect(writesWithoutBody(documents[service])).toEqual([]);
    });
  });
});
