import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found from this file's place upwards (the first folder with nx.json): the
 * same answer from the TypeScript sources and from a compiled build under dist/<service>/, whose
 * folders are deeper by two.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '../../..');
  }
}
