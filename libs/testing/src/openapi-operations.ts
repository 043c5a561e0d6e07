/**
 * The operations a service declares in its OpenAPI document (GET /api/docs-json), for suites that
 * cover every endpoint without listing them: a new endpoint or service is covered as it lands.
 */

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  nullable?: boolean;
  description?: string;
}

interface OperationObject {
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  'x-corridor-access'?: CorridorAccess;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Declared by each operation (libs/auth): what the access decision is about. */
export interface CorridorAccess {
  /** Absent on a public route. */
  operation?: string;
  /** Reachable without a token, the same for every caller (libs/auth `Public`). */
  public?: true;
  resource?: string;
  param?: string;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** `POST /api/v1/workers/{workerId}/fees` */
  name: string;
  tags: string[];
  pathParams: string[];
  /** Query parameters, with their schema. */
  queryParams: { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema, $refs and allOf resolved at every level. */
  body?: JsonSchema;
  access?: CorridorAccess;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const WRITE_METHODS: readonly Operation['method'][] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The schema with $ref followed and allOf merged, recursively (a cycle stops at depth 8). */
export function resolveSchema(document: OpenApiDocument, schema: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
  if (!schema || depth > 8) return schema;
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/components\/schemas\//, '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    const { $ref: _ref, ...rest } = schema;
    return resolveSchema(document, { ...target, ...rest }, depth + 1);
  }
  let merged: JsonSchema = { ...schema };
  if (schema.allOf) {
    const { allOf, ...rest } = schema;
    merged = rest;
    for (const part of allOf) {
      const resolved = resolveSchema(document, part, depth + 1) ?? {};
      merged = {
        ...resolved,
        ...merged,
        properties: { ...resolved.properties, ...merged.properties },
        required: [...(resolved.required ?? []), ...(merged.required ?? [])],
      };
    }
    if (!Object.keys(merged.properties ?? {}).length) delete merged.properties;
    if (!merged.required?.length) delete merged.required;
  }
  if (merged.properties) {
    merged.properties = Object.fromEntries(Object.entries(merged.properties).map(([key, value]) => [key, resolveSchema(document, value, depth + 1) ?? {}]));
    merged.type ??= 'object';
  }
  if (merged.items) merged.items = resolveSchema(document, merged.items, depth + 1);
  return merged;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const op = item[method] as OperationObject;
      const jsonBody = op.requestBody?.content?.['application/json']?.schema;
      const upper = method.toUpperCase() as Operation['method'];
      return {
        method: upper,
        path,
        name: `${upper} ${path}`,
        tags: op.tags ?? [],
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required ?? false, schema: resolveSchema(document, p.schema) ?? {} })),
        body: resolveSchema(document, jsonBody),
        access: op['x-corridor-access'],
      };
    }),
  );
}

function singular(segment: string): string {
  if (/ies$/.test(segment)) return segment.replace(/ies$/, 'y');
  if (/(ch|sh|x|ss)es$/.test(segment)) return segment.replace(/es$/, '');
  return segment.replace(/s$/, '');
}

/**
 * Until every operation declares `x-corridor-access`: the resource a path parameter names, from the
 * path segment before it (`/fee-breaches/{breachId}` → fee-breach), else from the parameter name
 * (`workerId` → worker). Delete once the extension is everywhere.
 */
export function fallbackResourceOfParam(path: string, param: string): string {
  const segments = path.split('/');
  const index = segments.indexOf(`{${param}}`);
  const before = index > 0 ? segments[index - 1] : '';
  if (before && !before.startsWith('{')) return singular(before);
  return param.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The resource type a path parameter of the operation stands for. */
export function resourceOfParam(operation: Operation, param: string): string {
  const access = operation.access;
  if (access?.resource && (access.param === param || (!access.param && operation.pathParams.length === 1))) return access.resource;
  return fallbackResourceOfParam(operation.path, param);
}

/** The operation's path with each parameter replaced by the id `idOf` gives for its resource. */
export function concretePath(operation: Operation, idOf: (resource: string, param: string) => string): string {
  return operation.pathParams.reduce((path, param) => path.replace(`{${param}}`, encodeURIComponent(idOf(resourceOfParam(operation, param), param))), operation.path);
}
