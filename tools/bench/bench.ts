import 'reflect-metadata';
import { createJourneyApp } from '@corridor/journey-service';
import { createRecruitmentApp } from '@corridor/recruitment-service';
import { bearer, dropTestDatabases, testNodeConfig, uniqueName, uniqueGroupId } from '@corridor/testing';
import { DataSource } from 'typeorm';

/**
 * `npm run bench` (infrastructure up: `npm run kafka:start`): registers workers through the real
 * HTTP API of an in-process KH recruitment service and measures (1) HTTP registration
 * throughput and latency, (2) time until every event is on the KH journey timeline, i.e. the
 * outbox → Kafka → inbox → read model path, (3) memory. Figures, not assertions.
 */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const kh = testNodeConfig('KH');
  const recruitmentDb = uniqueName('bench_kh_recruitment');
  const journeyDb = uniqueName('bench_kh_journey');
  const journey = await createJourneyApp(kh, { database: journeyDb, groupId: uniqueGroupId('KH', 'bench-journey') });
  const recruitment = await createRecruitmentApp(kh, { database: recruitmentDb });
  await recruitment.app.listen(0, '127.0.0.1');
  const url = await recruitment.app.getUrl();
  const token = bearer('KH', ['ministry-officer']);
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < WORKERS) {
        const i = next++;
        const t0 = performance.now();
        const response = await fetch(`${url}/api/v1/workers`, {
          method: 'POST',
          headers: { authorization: token, 'content-type': 'application/json' },
          body: JSON.stringify({
            fullName: 'សុខ ដារ៉ា', fullNameLatin: 'Sok Dara', sex: i % 2 ? 'male' : 'female', birthDate: '1998-04-17',
            nationality: 'KH', documentType: 'passport', documentNumber: `B${String(i).padStart(8, '0')}${Date.now() % 1000}`,
            documentExpiry: '2031-01-31', intendedDestination: 'TH', consentToProcess: true, consentToShare: true, consentGivenHow: 'signed-form',
          }),
        });
        if (response.status !== 201) throw new Error(`registration ${i} answered ${response.status}: ${await response.text()}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const httpSeconds = (performance.now() - started) / 1000;
  const timelineDb = journey.app.get(DataSource);
  for (;;) {
    const [{ count }] = await timelineDb.query('SELECT count(*)::int AS count FROM timeline_entry');
    if (count >= WORKERS) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const endToEndSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const memory = process.memoryUsage();
  console.log(
    [
      `workers registered:           ${WORKERS} (concurrency ${CONCURRENCY})`,
      `HTTP registrations/s:         ${(WORKERS / httpSeconds).toFixed(0)}`,
      `HTTP latency p50/p95/p99 ms:  ${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)}`,
      `all on the timeline after:    ${endToEndSeconds.toFixed(2)} s (${(WORKERS / endToEndSeconds).toFixed(0)} events/s end to end)`,
      `timeline lag after last POST: ${((endToEndSeconds - httpSeconds) * 1000).toFixed(0)} ms`,
      `process RSS / heap used:      ${(memory.rss / 2 ** 20).toFixed(0)} MiB / ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (both services in one process)`,
    ].join('\n'),
  );
  await recruitment.app.close();
  await journey.app.close();
  await dropTestDatabases(kh, recruitmentDb, journeyDb);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
