import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findMigrations, migrationNames, migrationSource, nextTimestamp } from './migration-files';

/**
 * `npm run migration:new -- <service> <name words>`: writes
 * services/<service>/src/migrations/<timestamp>-<name>.ts with a timestamp after every migration
 * in the repo, so that no two ever share one. Add the class to the `migrations` of the feature
 * module whose tables it changes.
 */
const root = path.resolve(__dirname, '../..');
const [service, ...words] = process.argv.slice(2);
if (!service || !words.length) {
  console.error('usage: npm run migration:new -- <service> <name words>   e.g. npm run migration:new -- recruitment add fee receipts');
  process.exit(2);
}
const dir = path.join(root, 'services', service, 'src', 'migrations');
if (!existsSync(path.join(root, 'services', service))) {
  console.error(`no service services/${service}`);
  process.exit(2);
}
const { kebab, pascal } = migrationNames(words.join(' '));
const timestamp = nextTimestamp(findMigrations(root));
const file = path.join(dir, `${timestamp}-${kebab}.ts`);
writeFileSync(file, migrationSource(pascal, timestamp, words.join(' ')), { flag: 'wx' });
console.log(`${path.relative(root, file)}: ${pascal}${timestamp}`);
console.log('Now list it in the `migrations` of the @CorridorFeature module whose tables it changes.');
