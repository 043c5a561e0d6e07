import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { catalogProblems } from '@corridor/events';
import { eventCompatibilityProblems, loadImage, registryDecodeProblems } from '@corridor/testing';

/**
 * Part of tools/check-proto-breaking.sh: the event-level checks buf cannot make, against the
 * committed baseline (proto/baseline.binpb) and every recorded contract version
 * (test/interop/fixtures/<label>/proto.binpb).
 */
const root = path.resolve(__dirname, '../..');
const images = [path.join(root, 'proto/baseline.binpb')];
const fixtures = path.join(root, 'test/interop/fixtures');
if (existsSync(fixtures)) {
  for (const label of readdirSync(fixtures).sort()) if (existsSync(path.join(fixtures, label, 'proto.binpb'))) images.push(path.join(fixtures, label, 'proto.binpb'));
}
const problems = [...catalogProblems(), ...registryDecodeProblems()];
for (const image of images.filter((file) => existsSync(file))) {
  problems.push(...eventCompatibilityProblems(loadImage(image)).map((p) => `against ${path.relative(root, image)}: ${p}`));
}
if (problems.length) {
  console.error(`event contracts are not compatible:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`every event type decodes, and stays compatible with ${images.filter((f) => existsSync(f)).map((f) => path.relative(root, f)).join(', ')}`);
