import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { serviceBuildMain } from '@corridor/config';

const root = path.resolve(__dirname, '../..');

/**
 * Starts the compiled build of one service (dist/<service>/, `nx run <service>:build`) as its own
 * process, its output prefixed with `label`. No transpiler in the service process.
 */
export function spawnService(service: string, env: NodeJS.ProcessEnv, label: string, log: (line: string) => void = console.log, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, path.join(root, serviceBuildMain(service))], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => log(`[${label}] ${line}`));
  }
  return child;
}

/** Resolves once `${url}/health` answers 200. */
export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Resident set size of a process in bytes (Linux /proc), undefined when it is gone. */
export async function residentSetSize(pid: number | undefined): Promise<number | undefined> {
  if (!pid) return undefined;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : undefined;
}
