/** A refusal of the portal's backend: the status, the problem type's slug, and Retry-After when given. */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(`${status} ${slug}`);
  }
}

/** Calls /portal-api/...; no cookie is sent or kept. */
export async function portal<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(`/portal-api${path}`, {
    method,
    credentials: 'omit',
    headers: { accept: 'application/json', ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { type?: string };
    const retry = Number(response.headers.get('retry-after'));
    throw new PortalError(response.status, (problem.type ?? '').split('/').pop() ?? '', Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return (await response.json()) as T;
}
