import { readFileSync } from 'node:fs';

/**
 * `node -r @swc-node/register tools/bench/top-frames.ts bench/profiles/<file>.cpuprofile [20]`:
 * the functions with the most self time in a V8 CPU profile (node --cpu-prof), as docs/performance.md lists them.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const [file, count = '20'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const id of profile.samples) {
  const node = byId.get(id)!;
  const url = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(dist|libs|services)\//, '$1/');
  const key = `${node.callFrame.functionName || '(anonymous)'}  ${url}${url ? `:${node.callFrame.lineNumber + 1}` : ''}`;
  self.set(key, (self.get(key) ?? 0) + 1);
}
const total = profile.samples.length;
for (const [key, hits] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
  console.log(`${((100 * hits) / total).toFixed(1).padStart(5)} %  ${key}`);
}
