/** The per-module scoring of a Stryker JSON report (mutation-testing-report-schema), pure for its unit test. */

export interface RuleModules {
  threshold: number;
  modules: { name: string; mutate: string[] }[];
}

export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  location: { start: { line: number; column: number } };
}

export interface MutationReport {
  files: Record<string, { mutants: ReportMutant[] }>;
}

export interface ModuleScore {
  name: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  compileErrors: number;
  /** Detected (killed, timed out) over valid mutants (those plus survived and not covered), in %; undefined without mutants. */
  score: number | undefined;
  passed: boolean;
  /** None of its files was mutated in this run (a partial run). */
  notRun?: boolean;
  survivors: string[];
}

/** The file a `mutate` entry names, without its line range (`path:10-20`). */
const fileOf = (entry: string) => entry.replace(/:\d+-\d+$/, '');

export function moduleScores(rules: RuleModules, report: MutationReport): ModuleScore[] {
  const files = new Map(Object.entries(report.files).map(([file, content]) => [file.replace(/\\/g, '/'), content.mutants]));
  return rules.modules.map(({ name, mutate }) => {
    const count = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, compileErrors: 0 };
    const survivors: string[] = [];
    const mine = [...new Set(mutate.map(fileOf))];
    // A partial run (`--mutate <files>`) leaves whole modules out; a module half in the report is a mistake.
    const reported = mine.filter((file) => files.has(file));
    if (reported.length === 0) return { name, ...count, score: undefined, passed: true, notRun: true, survivors };
    for (const file of mine) {
      const mutants = files.get(file);
      if (!mutants) throw new Error(`${name}: ${file} is not in the mutation report (was it mutated?)`);
      for (const m of mutants) {
        if (m.status === 'Killed') count.killed++;
        else if (m.status === 'Timeout') count.timeout++;
        else if (m.status === 'CompileError') count.compileErrors++;
        else if (m.status === 'Survived' || m.status === 'NoCoverage') {
          if (m.status === 'Survived') count.survived++;
          else count.noCoverage++;
          survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}${m.replacement === undefined ? '' : ` → ${m.replacement.replace(/\s+/g, ' ').slice(0, 80)}`}${m.status === 'NoCoverage' ? ' (no coverage)' : ''}`);
        }
      }
    }
    const valid = count.killed + count.timeout + count.survived + count.noCoverage;
    const score = valid === 0 ? undefined : ((count.killed + count.timeout) / valid) * 100;
    return { name, ...count, score, passed: score !== undefined && score >= rules.threshold, survivors };
  });
}
