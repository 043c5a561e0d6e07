import request from 'supertest';
import { DataSource } from 'typeorm';
import type { INestApplication } from '@nestjs/common';
import { isoDay } from '@corridor/reference-data';
import { aWorkerRegistration, bearer, eventually } from '@corridor/testing';
import { startCountryNodes } from '../support/country-nodes';

jest.setTimeout(600_000);

let platform: Awaited<ReturnType<typeof startCountryNodes>>;
const reintegration = (): INestApplication => platform.nodes.KH!.stages.reintegration;
const khMinistry = bearer('KH', ['ministry-officer']);
const caseworker = bearer('KH', ['caseworker'], undefined, 'caseworker-poipet');
const ROWS = 5000;
const MATCHING = 20;
const INVALID = 7;

beforeAll(async () => {
  platform = await startCountryNodes(['KH', 'TH'], undefined, { withContracts: true });
});

afterAll(async () => {
  await platform?.stop();
});

/** A fresh document number per run, so lists of earlier runs never match this one's. */
const run = Date.now().toString(36).toUpperCase();
const doc = (i: number) => `M${run}${String(i).padStart(5, '0')}`;

describe('mass return at a border checkpoint', () => {
  it('takes 5,000 rows in one CSV upload: invalid rows refused one by one, every valid one stored, matched to journeys by document number or opened as a minimal record; the same list again creates nothing', async () => {
    // Some of the returnees went abroad through the node: registered with their passports.
    const registered: { journeyId: string; documentNumber: string }[] = [];
    for (let i = 0; i < MATCHING; i++) {
      const registration = aWorkerRegistration({ documentNumber: doc(i), sex: i % 2 ? 'male' : 'female' });
      const r = await request(platform.nodes.KH!.recruitment.getHttpServer()).post('/api/v1/workers').set('Authorization', khMinistry).send(registration).expect(201);
      registered.push({ journeyId: r.body.journeyId, documentNumber: doc(i) });
    }
    // Reintegration knows their journeys from WorkerRegistered (with the document's blind index).
    await eventually(async () => {
      const r = await reintegration().get(DataSource).query('SELECT count(*)::int AS n FROM known_journey WHERE journey_id = ANY($1)', [registered.map((w) => w.journeyId)]);
      return r[0].n === MATCHING ? true : undefined;
    }, 60_000, 'journeys known to reintegration');

    const lines = ['documentType,documentNumber,sex,birthYear,returnedFrom'];
    const invalidRows = new Map<number, string>();
    for (let i = 0; i < ROWS; i++) {
      const n = i + 1;
      if (i >= MATCHING && i < MATCHING + INVALID) {
        const bad = [
          ['passport', doc(i), 'unknown', '1990', 'TH', 'sex'],
          ['visa', doc(i), 'female', '1990', 'TH', 'documentType'],
          ['passport', 'X', 'female', '1990', 'TH', 'documentNumber'],
          ['passport', doc(i), 'male', '1850', 'TH', 'birthYear'],
          ['passport', doc(i), 'male', '1990', 'KH', 'returnedFrom'],
          ['passport', doc(i), 'male', '1990', '', 'returnedFrom'],
          ['passport', doc(0), 'female', '1990', 'TH', 'the same document as row 1'],
        ][i - MATCHING];
        lines.push(bad.slice(0, 5).join(','));
        invalidRows.set(n, bad[5]);
        continue;
      }
      lines.push(['passport', doc(i), i % 3 ? 'female' : 'male', String(1980 + (i % 20)), i % 4 ? 'TH' : 'MY'].join(','));
    }
    const csv = lines.join('\n') + '\n';
    const returnDate = isoDay();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = Date.now();
    const upload = () => request(reintegration().getHttpServer()).post(`/api/v1/mass-returns?checkpoint=Poipet&returnDate=${returnDate}`).set('Authorization', caseworker).set('Content-Type', 'text/csv').send(csv);
    const taken = await upload().expect(201);
    const acceptedAt = Date.now() - started;
    expect(taken.body).toMatchObject({ status: 'processing', total: ROWS, alreadyUploaded: false, format: 'csv' });
    expect(taken.body.counts.refused).toBe(INVALID);
    const batchId = taken.body.batchId as string;
    const done = await eventually(async () => {
      const r = await request(reintegration().getHttpServer()).get(`/api/v1/mass-returns/${batchId}`).set('Authorization', caseworker).expect(200);
      return r.body.status === 'completed' ? (r.body as { counts: Record<string, number> }) : undefined;
    }, 540_000, 'the list processed');
    const duration = Date.now() - started;
    clearInterval(sampler);
    console.log(
      `mass return: ${ROWS} rows taken in ${acceptedAt} ms, processed in ${duration} ms; peak RSS of the test process (KH and TH nodes, all services in-process) ${Math.round(peakRss / 1048576)} MiB, ${Math.round((peakRss - rssBefore) / 1048576)} MiB above the start`,
    );
    expect(done.counts).toEqual({ pending: 0, matched: MATCHING, created: ROWS - MATCHING - INVALID, alreadyRecorded: 0, refused: INVALID });

    // Invalid rows are reported one by one, each with what was wrong.
    const refused = await request(reintegration().getHttpServer()).get(`/api/v1/mass-returns/${batchId}/rows?outcome=refused&limit=100`).set('Authorization', caseworker).expect(200);
    expect(refused.body.items.map((r: { rowNumber: number }) => r.rowNumber)).toEqual([...invalidRows.keys()]);
    for (const row of refused.body.items as { rowNumber: number; reason: string }[]) expect(row.reason).toContain(invalidRows.get(row.rowNumber));
    // The matching rows are the registered journeys.
    const matched = await request(reintegration().getHttpServer()).get(`/api/v1/mass-returns/${batchId}/rows?outcome=matched&limit=100`).set('Authorization', caseworker).expect(200);
    expect(matched.body.items.map((r: { journeyId: string }) => r.journeyId).sort()).toEqual(registered.map((w) => w.journeyId).sort());

    // Every valid row is stored: a return each, a case each.
    const db = reintegration().get(DataSource);
    const [{ returns }] = await db.query('SELECT count(*)::int AS returns FROM return_record WHERE batch_id = $1', [batchId]);
    expect(returns).toBe(ROWS - INVALID);
    const [{ cases }] = await db.query('SELECT count(*)::int AS cases FROM reintegration_case c JOIN return_record r ON r.id = c.return_id WHERE r.batch_id = $1', [batchId]);
    expect(cases).toBe(ROWS - INVALID);

    // The same list again: the first upload is answered, nothing is created.
    const again = await upload().expect(201);
    expect(again.body).toMatchObject({ batchId, alreadyUploaded: true, status: 'completed' });
    // Returns this node recorded itself: TH's reports of other suites' journeys reach KH's replica on the
    // shared corridor topic meanwhile (authored by TH), and would move a count of every row.
    const ownReturns = async () => ((await db.query("SELECT count(*)::int AS n FROM return_record WHERE authored_by = 'KH'")) as { n: number }[])[0].n;
    const after = await ownReturns();
    const [{ journeys }] = await db.query('SELECT count(*)::int AS journeys FROM known_journey WHERE irregular');
    // The same rows in another list (as JSON, one row changed so the list differs): nothing twice either.
    const json = lines.slice(1, 101).map((line) => {
      const [documentType, documentNumber, sex, birthYear, returnedFrom] = line.split(',');
      return { documentType, documentNumber, sex, birthYear, returnedFrom };
    });
    const overlap = await request(reintegration().getHttpServer()).post('/api/v1/mass-returns').set('Authorization', caseworker).send({ checkpoint: 'Poipet', returnDate, rows: json }).expect(201);
    const overlapDone = await eventually(async () => {
      const r = await request(reintegration().getHttpServer()).get(`/api/v1/mass-returns/${overlap.body.batchId}`).set('Authorization', caseworker).expect(200);
      return r.body.status === 'completed' ? r.body : undefined;
    }, 60_000, 'the overlapping list processed');
    expect(overlapDone.counts).toMatchObject({ alreadyRecorded: 100 - INVALID, matched: 0, created: 0 });
    const total = await ownReturns();
    const [{ irregular }] = await db.query('SELECT count(*)::int AS irregular FROM known_journey WHERE irregular');
    expect(total).toBe(after);
    expect(irregular).toBe(journeys);
  });

  it('refuses a list over 5,000 rows as a whole, saying the limit', async () => {
    const lines = ['documentType,documentNumber,sex,returnedFrom', ...Array.from({ length: ROWS + 1 }, (_, i) => `passport,${doc(90_000 + i)},female,TH`)];
    const r = await request(reintegration().getHttpServer()).post(`/api/v1/mass-returns?checkpoint=Poipet&returnDate=${isoDay()}`).set('Authorization', caseworker).set('Content-Type', 'text/csv').send(lines.join('\n')).expect(422);
    expect(r.body).toMatchObject({ type: 'https://corridor.gms/problems/mass-return-list-refused', detail: 'the list has 5001 rows; at most 5000 in one upload' });
  });
});
