/**
 * Checks an exit clearance document offline, with the issuing node's public keys only (a border
 * officer's laptop with no network): `npm run verify-clearance -- <jwks.json> <document|file> [YYYY-MM-DD]`.
 * The JWKS is what the node publishes at GET /api/v1/public/jwks (save it once while online).
 * Revocation needs the node: the online check is GET /api/v1/public/clearances/verify?document=…
 * Exit code 0 when genuine and within its validity, 1 otherwise, 2 on bad usage.
 */
import { existsSync, readFileSync } from 'node:fs';
import { checkClearance } from '@corridor/deployment-service';

function main(argv: string[]): number {
  const [jwksFile, documentOrFile, day] = argv;
  if (!jwksFile || !documentOrFile) {
    console.error('usage: verify-clearance <jwks.json> <document or file holding it> [YYYY-MM-DD]');
    return 2;
  }
  const jwks = JSON.parse(readFileSync(jwksFile, 'utf8'));
  const document = existsSync(documentOrFile) ? readFileSync(documentOrFile, 'utf8').trim() : documentOrFile;
  const result = checkClearance(document, jwks, day ?? new Date().toISOString().slice(0, 10));
  console.log(JSON.stringify(result, null, 2));
  return result.valid ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
