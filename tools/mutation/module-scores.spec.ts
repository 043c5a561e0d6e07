import { moduleScores, type MutationReport, type ReportMutant } from './module-scores';

const mutant = (status: ReportMutant['status'], line = 1): ReportMutant => ({ mutatorName: 'EqualityOperator', replacement: 'a < b', status, location: { start: { line, column: 3 } } });

describe('mutation score per rule module', () => {
  const report: MutationReport = {
    files: {
      'libs/a.ts': { mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Survived', 7), mutant('CompileError'), mutant('Ignored')] },
      'libs/b.ts': { mutants: [mutant('Killed'), mutant('NoCoverage', 9)] },
      'libs/c.ts': { mutants: [mutant('Killed')] },
    },
  };

  it('is detected (killed, timed out) over valid mutants, per module across its files, line ranges ignored', () => {
    const [ab, c] = moduleScores({ threshold: 80, modules: [{ name: 'a and b', mutate: ['libs/a.ts', 'libs/b.ts:1-20'] }, { name: 'c', mutate: ['libs/c.ts'] }] }, report);
    expect(ab).toMatchObject({ name: 'a and b', killed: 3, timeout: 1, survived: 1, noCoverage: 1, compileErrors: 1, passed: false });
    expect(ab.score).toBeCloseTo((4 / 6) * 100);
    expect(ab.survivors).toEqual(['libs/a.ts:7:3 EqualityOperator → a < b', 'libs/b.ts:9:3 EqualityOperator → a < b (no coverage)']);
    expect(c).toMatchObject({ score: 100, passed: true, survivors: [] });
  });

  it('passes a module exactly at the threshold, and fails one with no mutants or missing from the report', () => {
    const atThreshold = moduleScores({ threshold: 50, modules: [{ name: 'b', mutate: ['libs/b.ts'] }] }, report);
    expect(atThreshold[0]).toMatchObject({ score: 50, passed: true });
    expect(moduleScores({ threshold: 50, modules: [{ name: 'none', mutate: ['libs/c.ts'] }] }, { files: { 'libs/c.ts': { mutants: [] } } })[0]).toMatchObject({ score: undefined, passed: false });
    expect(() => moduleScores({ threshold: 50, modules: [{ name: 'half', mutate: ['libs/c.ts', 'libs/d.ts'] }] }, report)).toThrow('half: libs/d.ts is not in the mutation report');
    // A module none of whose files was mutated (a partial run with --mutate) is reported as not run.
    expect(moduleScores({ threshold: 50, modules: [{ name: 'gone', mutate: ['libs/d.ts'] }] }, report)[0]).toMatchObject({ notRun: true, score: undefined });
  });
});
