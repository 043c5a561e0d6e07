import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: unknown;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent exactly as given; null contentType sends no Content-Type header at all. */
  contentType?: string | null;
  body?: string;
}

async function portOf(server: Server): Promise<number> {
  if (!server.listening) await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

/**
 * One HTTP request with exactly the bytes and headers given (supertest would add a Content-Type
 * to a text body), to an app's server, which is made to listen on a free local port if it is not.
 */
export async function rawRequest(server: Server, options: RawRequest): Promise<RawResponse> {
  const port = await portOf(server);
  const payload = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string> = { ...options.headers };
  if (payload) headers['Content-Length'] = String(payload.length);
  if (options.contentType) headers['Content-Type'] = options.contentType;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: options.method, path: options.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/**
 * What is wrong with a response to a request that must be refused: nothing (empty list) when it is
 * a 4xx application/problem+json with type, title, status (the response's) and detail.
 */
export function refusalProblems(response: RawResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`${response.status} (server error)`);
  else if (response.status < 400) problems.push(`${response.status} (invalid input accepted)`);
  if (!/^application\/problem\+json\b/.test(response.contentType)) problems.push(`Content-Type ${response.contentType || '(none)'}`);
  const body = response.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') problems.push('body is not a JSON object');
  else {
    for (const field of ['type', 'title', 'detail'] as const) {
      if (typeof body[field] !== 'string' || !(body[field] as string).trim()) problems.push(`no ${field}`);
    }
    if (body.status !== response.status) problems.push(`status ${JSON.stringify(body.status)} in the body`);
  }
  return problems;
}
