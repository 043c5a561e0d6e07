import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });
const queryFailed = (code: string) => Object.assign(new Error('query failed'), { name: 'QueryFailedError', driverError: { code } });

describe('the database out of reach, told apart from an error of the request or the record', () => {
  it('a restart, a shutdown, too many clients, a lost or refused connection is the database out of reach', () => {
    for (const code of ['57P01', '57P03', '53300', '08006']) expect(isDatabaseUnavailable(queryFailed(code))).toBe(true);
    expect(isDatabaseUnavailable(pgError('57P01', 'terminating connection due to administrator command'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(pgError('ECONNRESET', 'read ECONNRESET'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
  });

  it('a constraint, a bad value or a bug is not', () => {
    for (const code of ['23505', '22P02', '40P01']) expect(isDatabaseUnavailable(queryFailed(code))).toBe(false);
    expect(isDatabaseUnavailable(new Error('timeout exceeded'))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
