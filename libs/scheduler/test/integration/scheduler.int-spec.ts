import type { DataSource } from 'typeorm';
import { dropTestDatabases, eventually, testNodeConfig, uniqueName } from '@corridor/testing';
import { ManualClock, Scheduler, claimFlag, type CheckTime, type ScheduledCheck } from '../../src';
import { flagDatabase } from './flag-database';

jest.setTimeout(60_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_scheduler');

const TABLES = ['CREATE TABLE deadline (subject text PRIMARY KEY, due_on date NOT NULL)', 'CREATE TABLE raised (id serial PRIMARY KEY, subject text NOT NULL, raised_by text NOT NULL)'];

/** A check like the services' own: every subject past its due date is flagged once, with a row standing for its event. */
class OverdueCheck implements ScheduledCheck {
  readonly checkName = 'test.overdue';
  constructor(
    private readonly dataSource: DataSource,
    private readonly instance: string,
  ) {}

  async run(time: CheckTime): Promise<number> {
    const due = (await this.dataSource.query('SELECT subject, due_on::text AS due_on FROM deadline WHERE due_on < $1 ORDER BY subject', [time.today])) as {
      subject: string;
      due_on: string;
    }[];
    let raised = 0;
    for (const row of due) {
      await this.dataSource.transaction(async (manager) => {
        if (!(await claimFlag(manager, { check: this.checkName, subject: row.subject, period: row.due_on }, `flag-${row.subject}`))) return;
        // Widen the race window: the other instance's claim of this key must wait and then lose.
        await manager.query('SELECT pg_sleep(0.02)');
        await manager.query('INSERT INTO raised (subject, raised_by) VALUES ($1, $2)', [row.subject, this.instance]);
        raised += 1;
      });
    }
    return raised;
  }
}

async function instance(name: string, clock: ManualClock, options = {}): Promise<{ dataSource: DataSource; scheduler: Scheduler }> {
  const dataSource = await flagDatabase(config, database, TABLES);
  const scheduler = new Scheduler(dataSource, clock, options);
  scheduler.register(new OverdueCheck(dataSource, name));
  return { dataSource, scheduler };
}

describe('scheduler (real Postgres): checks on an injected clock, each flag once, two instances', () => {
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  let one: Awaited<ReturnType<typeof instance>>;
  let two: Awaited<ReturnType<typeof instance>>;
  const raisedRows = async () => (await one.dataSource.query('SELECT subject, raised_by FROM raised ORDER BY subject')) as { subject: string; raised_by: string }[];

  beforeAll(async () => {
    one = await instance('one', clock);
    two = await instance('two', clock);
    await one.dataSource.query(`INSERT INTO deadline (subject, due_on) VALUES ('a', '2027-03-05'), ('b', '2027-03-05'), ('c', '2027-03-20')`);
  });

  afterAll(async () => {
    await one?.scheduler.onModuleDestroy();
    await two?.scheduler.onModuleDestroy();
    await one?.dataSource.destroy();
    await two?.dataSource.destroy();
    await dropTestDatabases(config, database);
  });

  it('raises nothing before time moves, then each due subject once however often and wherever the check runs', async () => {
    expect(await one.scheduler.runNow('test.overdue')).toEqual({ check: 'test.overdue', raised: 0, skipped: false });

    clock.advanceDays(6); // 2027-03-07: a and b are overdue, c is not
    const runs = await Promise.all([one.scheduler.runNow('test.overdue'), two.scheduler.runNow('test.overdue'), one.scheduler.runNow('test.overdue')]);
    expect(runs.reduce((sum, run) => sum + run.raised, 0)).toBe(2);
    expect(await one.scheduler.runNow('test.overdue')).toMatchObject({ raised: 0 });
    expect(await two.scheduler.runNow('test.overdue')).toMatchObject({ raised: 0 });
    expect((await raisedRows()).map((r) => r.subject)).toEqual(['a', 'b']);

    clock.advanceDays(20); // c too, a and b not again
    expect((await two.scheduler.runAll()).map((r) => r.raised)).toEqual([1]);
    expect((await raisedRows()).map((r) => r.subject)).toEqual(['a', 'b', 'c']);
  });

  it('a new period of the same subject is a new flag (e.g. a permit extended and overdue again)', async () => {
    await one.dataSource.query(`UPDATE deadline SET due_on = '2027-03-25' WHERE subject = 'a'`);
    expect(await one.scheduler.runNow('test.overdue')).toMatchObject({ raised: 1 });
    expect((await raisedRows()).filter((r) => r.subject === 'a')).toHaveLength(2);
  });

  it('skips a check another instance is running (advisory lock), and refuses an unknown or doubled check', async () => {
    const runner = two.dataSource.createQueryRunner();
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', ['scheduler:test.overdue']);
    try {
      expect(await one.scheduler.runNow('test.overdue')).toEqual({ check: 'test.overdue', raised: 0, skipped: true });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['scheduler:test.overdue']);
      await runner.release();
    }
    await expect(one.scheduler.runNow('test.nothing')).rejects.toThrow(/no scheduled check test.nothing \(registered: test.overdue\)/);
    expect(() => one.scheduler.register(new OverdueCheck(one.dataSource, 'again'))).toThrow(/registered twice/);
  });

  it('runs on a real timer, with the time of the clock it was given', async () => {
    await one.dataSource.query(`INSERT INTO deadline (subject, due_on) VALUES ('d', '2027-06-01')`);
    const timed = await instance('timed', clock, { intervalMs: 50 });
    try {
      const ticks = jest.spyOn(timed.scheduler, 'runNow');
      timed.scheduler.onApplicationBootstrap();
      await eventually(async () => (ticks.mock.calls.length >= 2 ? true : undefined), 15_000, 'two ticks of the timer');
      expect((await raisedRows()).some((r) => r.subject === 'd')).toBe(false); // not due on the clock's day
      clock.set('2027-06-02T00:00:00Z');
      const row = await eventually(async () => (await raisedRows()).find((r) => r.subject === 'd'), 15_000, 'the timer to flag d');
      expect(row.raised_by).toBe('timed');
    } finally {
      await timed.scheduler.onModuleDestroy();
      await timed.dataSource.destroy();
    }
  });
});
