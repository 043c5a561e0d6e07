// @ts-check
/**
 * `node tools/build/build-service.js <service>`: compiles one service and every library it runs on
 * to plain JavaScript under dist/<service>/ (the repo layout kept, so the @corridor/* aliases become
 * relative requires), for `npm start` and production to run without a runtime transpiler.
 * Nx runs it as the cached `build` target of each service (nx.json targetDefaults): a build whose
 * sources did not change is restored from the cache. No type check here: `npm test` does that.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '../..');
const service = process.argv[2];
if (!service || !fs.existsSync(path.join(root, 'services', service, 'src', 'main.ts'))) {
  console.error('usage: node tools/build/build-service.js <service> (a folder of services/ with src/main.ts)');
  process.exit(2);
}
const out = path.join(root, 'dist', service);

const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
/** @type {Record<string, string[]>} */
const paths = tsconfig.compilerOptions.paths;

/** @param {string} dir @returns {string[]} */
function sources(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === '__tests__' ? [] : sources(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

// The service and every library (a library the service does not import costs a few kB of disk, not memory).
const libs = fs.readdirSync(path.join(root, 'libs')).filter((name) => name !== 'testing');
const files = [...sources(path.join(root, 'services', service, 'src')), ...libs.flatMap((lib) => sources(path.join(root, 'libs', lib, 'src')))];

fs.rmSync(out, { recursive: true, force: true });
for (const file of files) {
  const { code, map } = swc.transformFileSync(file, {
    swcrc: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      baseUrl: root,
      paths,
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });
  const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
  if (map) fs.writeFileSync(`${target}.map`, map);
}
// Files the code reads at run time next to its sources (JSON reference data, policies).
for (const dir of [path.join(root, 'services', service, 'src'), ...libs.map((lib) => path.join(root, 'libs', lib, 'src'))]) {
  copyAssets(dir);
}
/** @param {string} dir */
function copyAssets(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (entry.name.endsWith('.json')) {
      const target = path.join(out, path.relative(root, full));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(full, target);
    }
  }
}
console.log(`built ${service}: ${files.length} files to ${path.relative(root, out)}/`);
