import 'reflect-metadata';
import { consolePort } from '@corridor/config';
import { serveUntilStopped } from '@corridor/service-runtime';
import { createConsoleApp } from './console-app';
import { loadConsoleSettings } from './console-settings';

async function main(): Promise<void> {
  const settings = loadConsoleSettings();
  const app = await createConsoleApp(settings);
  await serveUntilStopped(app, consolePort(settings.node.country), `console ${settings.node.country}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
