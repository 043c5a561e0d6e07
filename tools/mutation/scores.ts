/**
 * The mutation score of each domain-rule module (tools/mutation/rule-modules.json), from Stryker's
 * JSON report: prints one line per module and every surviving mutant, and exits 1 when a module
 * is under the threshold (Stryker's own `thresholds.break` is global only).
 *
 *   node -r @swc-node/register tools/mutation/scores.ts [report.json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { moduleScores, type MutationReport, type RuleModules } from './module-scores';

const root = path.resolve(__dirname, '../..');
const rules = JSON.parse(readFileSync(path.join(root, 'tools/mutation/rule-modules.json'), 'utf8')) as RuleModules;
const reportFile = process.argv[2] ?? path.join(root, '.data/mutation/mutation-report.json');
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as MutationReport;

const scores = moduleScores(rules, report);
const width = Math.max(...scores.map((s) => s.name.length));
console.log(`mutation score per rule module (threshold ${rules.threshold} %):`);
for (const s of scores) {
  const score = s.score === undefined ? '   n/a' : `${s.score.toFixed(2).padStart(6)} %`;
  if (s.notRun) {
    console.log(`  ${s.name.padEnd(width)}  not mutated in this run`);
    continue;
  }
  console.log(`  ${s.name.padEnd(width)}  ${score}  killed ${s.killed}, survived ${s.survived}, no coverage ${s.noCoverage}, timeout ${s.timeout}, compile errors ${s.compileErrors}${s.passed ? '' : '  BELOW THRESHOLD'}`);
}
const survivors = scores.flatMap((s) => s.survivors.map((m) => `  [${s.name}] ${m}`));
if (survivors.length) console.log(`surviving mutants (${survivors.length}):\n${survivors.join('\n')}`);
const failed = scores.filter((s) => !s.passed);
if (failed.length) {
  console.log(`FAILED: ${failed.map((s) => s.name).join(', ')} under ${rules.threshold} %`);
  process.exit(1);
}
const partial = scores.some((s) => s.notRun);
console.log(`every rule module ${partial ? 'mutated in this (partial) run ' : ''}is at or above ${rules.threshold} %`);
