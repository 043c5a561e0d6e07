import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { AUDIT_MAX_MERGE_DELAY_MS, checkPartnerHeads, heldAuditHeads, verifyAuditChain } from '@corridor/audit';

/**
 * `node -r @swc-node/register tools/audit-verify.ts --database corridor_kh_recruitment
 *    [--partner-heads-from corridor_th_recruitment [--country KH --service recruitment]]`
 * Checks the hash chain of one service database's audit log (server from PGHOST, PGPORT, PGUSER,
 * PGPASSWORD), reports entries not sealed within the maximum merge delay, and, with
 * --partner-heads-from, checks the chain against the signed heads the corridor partner's service
 * database holds of it (ADR 0020). Exit 0: intact; 1: problems found, one line each; 2: could not check.
 */
const { values } = parseArgs({
  options: { database: { type: 'string' }, 'partner-heads-from': { type: 'string' }, country: { type: 'string' }, service: { type: 'string' } },
});
const database = values.database;
if (!database) {
  console.error('usage: node -r @swc-node/register tools/audit-verify.ts --database <name> [--partner-heads-from <partner database> [--country CC --service NAME]]');
  process.exit(2);
}

function connect(db: string): Client {
  // The same defaults as the services' node config, so a bare call reaches the local server.
  return new Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: db,
  });
}

async function main(db: string): Promise<number> {
  const client = connect(db);
  await client.connect();
  try {
    const report = await verifyAuditChain(client);
    const problems = report.problems.map((p) => (p.problem === 'unsealed-overdue' ? `unsealed: ${p.problem} (${p.detail})` : `seq ${p.seq}: ${p.problem} (${p.detail})`));
    const partnerDb = values['partner-heads-from'];
    let partnerLine: string | undefined;
    if (partnerDb) {
      // corridor_<cc>_<service> names both unless given.
      const [, cc, service] = /^corridor_([a-z]{2}(?:_[a-z]+)?)_(.+)$/.exec(db) ?? [];
      const country = values.country ?? cc?.toUpperCase().replace('_', '-');
      const name = values.service ?? service?.replace(/_/g, '-');
      if (!country || !name) throw new Error('--country and --service are needed for a database not named corridor_<cc>_<service>');
      const partner = connect(partnerDb);
      await partner.connect();
      try {
        const heads = await heldAuditHeads(partner, country, name);
        const checked = await checkPartnerHeads(client, heads);
        partnerLine = `signed heads of ${country} ${name} held in ${partnerDb}: ${checked.checked} checked`;
        problems.push(...checked.problems.map((p) => `seq ${p.seq}: ${p.problem} (${p.detail})`));
      } finally {
        await partner.end();
      }
    }
    const unsealed = report.unsealed ? `, ${report.unsealed.count} not sealed yet (maximum merge delay ${AUDIT_MAX_MERGE_DELAY_MS} ms)` : '';
    if (problems.length === 0) {
      console.log(`audit chain of ${db}: ${report.rows} rows, intact${unsealed}`);
      if (report.head) console.log(`head: seq ${report.head.seq}, hash ${report.head.hash}`);
      if (partnerLine) console.log(`${partnerLine}, all match`);
      return 0;
    }
    console.log(`audit chain of ${db}: ${report.rows} rows, ${problems.length} problem(s)${unsealed}`);
    if (partnerLine) console.log(partnerLine);
    for (const line of problems) console.log(line);
    return 1;
  } finally {
    await client.end();
  }
}

main(database).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit chain of ${database} could not be checked: ${error.message}`);
    process.exit(2);
  },
);
