import { GENESIS_HASH } from './audit-hash';
import { AuditChainChecker, recomputeHash, type AuditLogRow } from './verify-audit-chain';

/** A well-formed chain of n rows, as AuditTrail would have written it. */
function chain(n: number): AuditLogRow[] {
  const rows: AuditLogRow[] = [];
  for (let seq = 1; seq <= n; seq += 1) {
    const row: AuditLogRow = {
      seq: String(seq),
      recorded_at: new Date(Date.UTC(2026, 10, 23, 10, 0, seq)),
      actor_country: 'KH',
      actor_agency: seq % 2 ? 'A-1' : null,
      actor_officer: 'officer-kh-1',
      action: 'worker.read',
      target_type: 'worker',
      target_id: `w-${seq}`,
      reason: 'case review',
      details: seq % 3 ? { n: seq } : null,
      prev_hash: rows.length ? rows[rows.length - 1].hash : GENESIS_HASH,
      hash: '',
    };
    row.hash = recomputeHash(row);
    rows.push(row);
  }
  return rows;
}

function check(rows: AuditLogRow[]) {
  const checker = new AuditChainChecker();
  rows.forEach((row) => checker.check(row));
  return checker.report();
}

describe('audit chain check', () => {
  it('finds nothing wrong with an untouched chain, and reports its head', () => {
    const rows = chain(5);
    expect(check(rows)).toEqual({ rows: 5, problems: [], head: { seq: 5, hash: rows[4].hash } });
  });

  it('an empty log is intact', () => {
    expect(check([])).toEqual({ rows: 0, problems: [], head: null });
  });

  it('names a changed row by its seq, once', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], reason: 'nothing to see here' };
    expect(check(rows).problems).toEqual([{ seq: 3, problem: 'hash-mismatch', detail: 'row changed after it was written' }]);
  });

  it('a changed and re-hashed row breaks the link of the next one', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], reason: 'nothing to see here' };
    rows[2].hash = recomputeHash(rows[2]);
    expect(check(rows).problems.map((p) => [p.seq, p.problem])).toEqual([[4, 'broken-link']]);
  });

  it('names deleted rows as missing seqs, not as a broken link', () => {
    const rows = chain(6);
    const report = check([rows[0], rows[3], rows[4], rows[5]]);
    expect(report.problems).toEqual([{ seq: 2, problem: 'missing-rows', detail: 'seq 2 to 3 are missing: 2 rows deleted' }]);
    expect(report.rows).toBe(4);
  });

  it('notices deleted rows at the start', () => {
    const rows = chain(3);
    expect(check(rows.slice(1)).problems).toEqual([{ seq: 1, problem: 'missing-rows', detail: 'seq 1 is missing: row deleted' }]);
  });

  it('notices a first row that does not start from the genesis hash', () => {
    const [first] = chain(1);
    const forged = { ...first, prev_hash: 'a'.repeat(64) };
    forged.hash = recomputeHash(forged);
    expect(check([forged]).problems.map((p) => [p.seq, p.problem])).toEqual([[1, 'broken-link']]);
  });

  it('notices a row renumbered into a gap (seq is part of the hash)', () => {
    const rows = chain(3);
    expect(check([rows[0], { ...rows[2], seq: '2' }]).problems.map((p) => [p.seq, p.problem])).toEqual([
      [2, 'broken-link'],
      [2, 'hash-mismatch'],
    ]);
  });
});
