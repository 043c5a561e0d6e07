import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { verifyAuditChain } from '@corridor/audit';

/**
 * `node -r @swc-node/register tools/audit-verify.ts --database corridor_kh_recruitment`
 * Checks the hash chain of one service database's audit log (server from PGHOST, PGPORT, PGUSER,
 * PGPASSWORD). Exit 0: intact; 1: problems found, one line each; 2: could not check.
 */
const { values } = parseArgs({ options: { database: { type: 'string' } } });
const database = values.database;
if (!database) {
  console.error('usage: node -r @swc-node/register tools/audit-verify.ts --database <name>');
  process.exit(2);
}

async function main(db: string): Promise<number> {
  // The same defaults as the services' node config, so a bare call reaches the local server.
  const client = new Client({
    host: process.env.PGHOST ?? '127.0.0.1',
    port: Number(process.env.PGPORT ?? 5432),
    user: process.env.PGUSER ?? 'postgres',
    password: process.env.PGPASSWORD,
    database: db,
  });
  await client.connect();
  try {
    const report = await verifyAuditChain(client);
    if (report.problems.length === 0) {
      console.log(`audit chain of ${db}: ${report.rows} rows, intact`);
      if (report.head) console.log(`head: seq ${report.head.seq}, hash ${report.head.hash}`);
      return 0;
    }
    console.log(`audit chain of ${db}: ${report.rows} rows, ${report.problems.length} problem(s)`);
    for (const p of report.problems) console.log(`seq ${p.seq}: ${p.problem} (${p.detail})`);
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
