import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError, api, newIdempotencyKey, type Page, type Problem } from './api';

/** A refusal or failure as the officer reads it: the title in their language, the service's detail, the fields. */
export function ProblemMessage({ error }: { error: unknown }) {
  if (!error) return null;
  const problem: Problem = error instanceof ApiError ? error.problem : { status: -1, detail: String(error) };
  return (
    <div role="alert" className="problem">
      <strong>{problem.status === 0 ? <FormattedMessage id="problem.offline" /> : <FormattedMessage id="problem.refused" values={{ status: problem.status }} />}</strong>{' '}
      {problem.detail}
      {problem.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={e.field}>
              {e.field}: {e.messages.join('; ')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

/** One page of a list at a time, with previous/next: lists never load whole. */
export function PagedList<T>({ path, query = {}, columns, rowKey, label, reloadToken = 0 }: { path: string; query?: Record<string, string | undefined>; columns: Column<T>[]; rowKey: (row: T) => string; label: string; reloadToken?: number }) {
  const limit = 20;
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryKey = JSON.stringify(query);
  useEffect(() => setOffset(0), [queryKey]);
  useEffect(() => {
    let live = true;
    setError(null);
    api.get<Page<T>>(path, { ...JSON.parse(queryKey), limit, offset }).then(
      (answer) => live && setPage(answer),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, queryKey, offset, reloadToken]);
  return (
    <section aria-label={label}>
      <ProblemMessage error={error} />
      {page && page.items.length === 0 ? (
        <p>
          <FormattedMessage id="list.empty" />
        </p>
      ) : null}
      {page && page.items.length > 0 ? (
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.items.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.header}>{c.cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {page ? (
        <nav className="pager" aria-label={label}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - limit))}>
            <FormattedMessage id="list.previous" />
          </button>
          <span>
            <FormattedMessage id="list.range" values={{ from: page.total ? offset + 1 : 0, to: offset + page.items.length, total: page.total }} />
          </span>
          <button type="button" disabled={offset + limit >= page.total} onClick={() => setOffset(offset + limit)}>
            <FormattedMessage id="list.next" />
          </button>
        </nav>
      ) : null}
    </section>
  );
}

/**
 * An action that writes: the Idempotency-Key is made once and kept until the service answers
 * (a retry after a failure sends the same key, so it is done at most once).
 */
export function useIdempotentAction<T>(run: (key: string) => Promise<T>) {
  const key = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = useCallback(async (): Promise<T | undefined> => {
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setError(null);
    try {
      const answer = await run(key.current);
      key.current = null;
      return answer;
    } catch (e) {
      // A refusal (4xx) is final for this content; a network failure keeps the key for the retry.
      if (e instanceof ApiError && e.problem.status >= 400 && e.problem.status < 500) key.current = null;
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [run]);
  return { act, busy, error };
}

export function ActionButton({ label, onDone, run }: { label: string; onDone: () => void; run: (key: string) => Promise<unknown> }) {
  const { act, busy, error } = useIdempotentAction(run);
  const intl = useIntl();
  return (
    <span>
      <button type="button" disabled={busy} onClick={async () => ((await act()) !== undefined ? onDone() : undefined)}>
        {busy ? intl.formatMessage({ id: 'action.sending' }) : label}
      </button>
      <ProblemMessage error={error} />
    </span>
  );
}

/**
 * A labelled choice of one of `options`, each shown as `labelOf` words it (the value itself when
 * not given); `empty`, when given, is a first choice meaning none (value "").
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  labelOf = (option) => option,
  empty,
  required,
  className,
}: {
  label: ReactNode;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
  labelOf?: (option: string) => ReactNode;
  empty?: ReactNode;
  required?: boolean;
  className?: string;
}) {
  return (
    <label className={className}>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} required={required}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {labelOf(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
