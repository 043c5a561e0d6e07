/** Calls to the console's backend-for-frontend: the session cookie goes along, the CSRF header on writes. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  /** No answer at all: offline, or the console unreachable. */
  get offline(): boolean {
    return this.problem.status === 0;
  }
}

export function csrfToken(): string {
  const match = /(?:^|;\s*)corridor_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export async function call<T>(method: string, path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken();
  }
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}), credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, title: 'offline' });
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) throw new ApiError({ status: response.status, ...((parsed as object) ?? {}) });
  return parsed as T;
}

export const api = {
  get: <T>(path: string, query: Record<string, string | number | undefined> = {}) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
    return call<T>('GET', `/bff/api/v1/${path}${q.size ? `?${q}` : ''}`);
  },
  post: <T>(path: string, body: unknown, idempotencyKey: string) => call<T>('POST', `/bff/api/v1/${path}`, body, idempotencyKey),
};
