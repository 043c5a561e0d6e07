import { toProblem } from './problem-details.filter';

/** What TypeORM throws: the pg error's fields copied onto a QueryFailedError, with the SQL and parameters. */
function queryFailed(code: string, detail = 'Key (document_number)=(N0123) already exists.') {
  return Object.assign(new Error(`duplicate key value violates unique constraint; query: INSERT INTO worker ... -- PARAMETERS: ["Sok Dara"]`), {
    name: 'QueryFailedError',
    code,
    detail,
    query: 'INSERT INTO worker VALUES ($1)',
    parameters: ['Sok Dara'],
    driverError: { code, detail },
  });
}

describe('database errors that bad input causes', () => {
  it.each([
    ['22P02', 400, 'invalid-value'],
    ['22021', 400, 'invalid-value'],
    ['22P05', 400, 'invalid-value'],
    ['22001', 400, 'invalid-value'],
    ['23502', 422, 'missing-value'],
    ['23503', 422, 'unknown-reference'],
    ['23514', 422, 'constraint-violated'],
    ['23505', 409, 'conflict'],
  ])('SQLSTATE %s is answered %i %s, never 500', (code, status, slug) => {
    const problem = toProblem(queryFailed(code), '/api/v1/workers');
    expect(problem).toMatchObject({ status, type: `https://corridor.gms/problems/${slug}`, sqlState: code });
  });

  it('tells neither the SQL, the parameters nor the driver detail, which may hold person data', () => {
    const text = JSON.stringify(toProblem(queryFailed('23505')));
    for (const secret of ['INSERT', 'Sok Dara', 'N0123', 'document_number']) expect(text).not.toContain(secret);
  });

  it('leaves other database errors (a deadlock, an unknown SQLSTATE) as 500', () => {
    expect(toProblem(queryFailed('40P01')).status).toBe(500);
    expect(toProblem(queryFailed('XX000')).status).toBe(500);
  });

  it('answers a database out of reach (pool wait exceeded, too many clients, a lost connection, a restart) 503, to retry', () => {
    const unavailable = 'https://corridor.gms/problems/database-unavailable';
    expect(toProblem(new Error('timeout exceeded when trying to connect'))).toMatchObject({ status: 503, type: unavailable });
    expect(toProblem(new Error('Connection terminated unexpectedly'))).toMatchObject({ status: 503, type: unavailable });
    for (const code of ['53300', '57P01', '08006']) expect(toProblem(queryFailed(code))).toMatchObject({ status: 503, type: unavailable });
    expect(toProblem(new Error('timeout exceeded')).status).toBe(500);
  });
});
