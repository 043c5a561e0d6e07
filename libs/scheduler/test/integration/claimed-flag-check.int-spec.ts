import { Injectable } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditTrail } from '@corridor/audit';
import { NODE_CONFIG } from '@corridor/config';
import { Outbox, type OutboxRelay } from '@corridor/messaging';
import { dropTestDatabases, testNodeConfig, uniqueName } from '@corridor/testing';
import { CLOCK, ClaimedFlagCheck, ManualClock, SCHEDULER_OPTIONS, Scheduler, type CheckTime, type FlagTransaction } from '../../src';
import { flagDatabase } from './flag-database';

jest.setTimeout(60_000);

const config = testNodeConfig('KH');
const database = uniqueName('it_claimed_flag_check');

const TABLES = [
  'CREATE TABLE overdue_case (subject text PRIMARY KEY, due_on date NOT NULL, write_fails boolean NOT NULL DEFAULT false)',
  'CREATE TABLE case_flag (id serial PRIMARY KEY, subject text NOT NULL, kind text NOT NULL, flag_id text NOT NULL, raised_by text NOT NULL)',
];

interface OverdueCase {
  subject: string;
  due_on: string;
}

/**
 * Shaped like the services' checks: a case past its due date is flagged once, and escalated once
 * (under its own key, with the flag's id) ten days later; a case marked write_fails fails its write.
 */
@Injectable()
class OverdueCaseCheck extends ClaimedFlagCheck<OverdueCase> {
  readonly checkName = 'test.overdue-case';

  protected findCandidates(manager: EntityManager, { today }: CheckTime): Promise<OverdueCase[]> {
    return manager.query('SELECT subject, due_on::text AS due_on FROM overdue_case WHERE due_on < $1 ORDER BY subject', [today]) as Promise<OverdueCase[]>;
  }

  protected async raiseFor({ subject, due_on }: OverdueCase, tx: FlagTransaction, { now }: CheckTime): Promise<void> {
    const [{ write_fails }] = (await tx.manager.query('SELECT write_fails FROM overdue_case WHERE subject = $1 FOR UPDATE', [subject])) as { write_fails: boolean }[];
    const flagId = await this.flag(tx, subject, due_on, write_fails);
    const escalationDue = new Date(`${due_on}T00:00:00Z`).getTime() + 10 * 86_400_000 < now.getTime();
    if (flagId && escalationDue) {
      await tx.raiseOnce({ check: 'test.overdue-case-escalation', subject, period: due_on, flagId }, (id) => this.write(tx, subject, 'escalated', id));
    }
  }

  /** Raises the flag, or finds the one raised before: the escalation names it. */
  private async flag(tx: FlagTransaction, subject: string, dueOn: string, writeFails: boolean): Promise<string | undefined> {
    await tx.raiseOnce({ subject, period: dueOn }, async (flagId) => {
      await this.write(tx, subject, 'overdue', flagId);
      // Widen the race window: the other instance's claim of this key must wait and then lose.
      await tx.manager.query('SELECT pg_sleep(0.02)');
      if (writeFails) throw new Error(`the flag of ${subject} could not be written`);
    });
    const [row] = (await tx.manager.query(`SELECT flag_id FROM case_flag WHERE subject = $1 AND kind = 'overdue'`, [subject])) as { flag_id: string }[];
    return row?.flag_id;
  }

  private async write(tx: FlagTransaction, subject: string, kind: string, flagId: string): Promise<void> {
    await tx.manager.query('INSERT INTO case_flag (subject, kind, flag_id, raised_by) VALUES ($1, $2, $3, $4)', [subject, kind, flagId, this.actor.subject]);
  }
}

/** One instance of a service: the check is only a provider, the Scheduler finds it through Nest. */
async function instance(clock: ManualClock): Promise<{ module: TestingModule; dataSource: DataSource; scheduler: Scheduler }> {
  const dataSource = await flagDatabase(config, database, TABLES);
  const relay = { wake: () => undefined } as unknown as OutboxRelay;
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: dataSource },
      { provide: CLOCK, useValue: clock },
      { provide: SCHEDULER_OPTIONS, useValue: { enabled: false } },
      { provide: NODE_CONFIG, useValue: config },
      { provide: Outbox, useValue: new Outbox(dataSource, relay) },
      { provide: AuditTrail, useValue: new AuditTrail(dataSource) },
      Scheduler,
      OverdueCaseCheck,
    ],
  }).compile();
  await module.init();
  return { module, dataSource, scheduler: module.get(Scheduler) };
}

describe('ClaimedFlagCheck (real Postgres): a check says what it finds and raises; each flag once, counted', () => {
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  let one: Awaited<ReturnType<typeof instance>>;
  let two: Awaited<ReturnType<typeof instance>>;
  const flags = async () => (await one.dataSource.query('SELECT subject, kind, flag_id, raised_by FROM case_flag ORDER BY subject, kind')) as { subject: string; kind: string; flag_id: string; raised_by: string }[];
  const run = (on: { scheduler: Scheduler }) => on.scheduler.runNow('test.overdue-case');

  beforeAll(async () => {
    one = await instance(clock);
    two = await instance(clock);
    await one.dataSource.query(`INSERT INTO overdue_case (subject, due_on) VALUES ('a', '2027-03-05'), ('b', '2027-03-05'), ('c', '2027-03-20')`);
  });

  afterAll(async () => {
    await one?.module.close();
    await two?.module.close();
    await one?.dataSource.destroy();
    await two?.dataSource.destroy();
    await dropTestDatabases(config, database);
  });

  it('is registered with the Scheduler by being a provider, and raises nothing before it is due', async () => {
    expect(one.scheduler.checkNames).toEqual(['test.overdue-case']);
    expect(await run(one)).toEqual({ check: 'test.overdue-case', raised: 0, skipped: false });
    expect(await flags()).toEqual([]);
  });

  it('raises each due flag once across concurrent runs of two instances, recorded by the node named by the check', async () => {
    clock.advanceDays(6); // 2027-03-07: a and b are overdue, c is not
    const runs = await Promise.all([run(one), run(two), run(one)]);
    expect(runs.reduce((sum, r) => sum + r.raised, 0)).toBe(2);
    expect(await run(two)).toMatchObject({ raised: 0 });
    const raised = await flags();
    expect(raised.map((f) => `${f.subject}:${f.kind}`)).toEqual(['a:overdue', 'b:overdue']);
    expect(new Set(raised.map((f) => f.raised_by))).toEqual(new Set(['system:test.overdue-case']));
  });

  it('counts two flags of one candidate, the second under its own key and with the id it was given', async () => {
    clock.set('2027-03-16T09:00:00Z'); // a and b ten days overdue: escalated; c not due yet
    expect(await run(one)).toMatchObject({ raised: 2 });
    expect(await run(two)).toMatchObject({ raised: 0 });
    const raised = await flags();
    const overdueOfA = raised.find((f) => f.subject === 'a' && f.kind === 'overdue')!;
    expect(raised.find((f) => f.subject === 'a' && f.kind === 'escalated')?.flag_id).toBe(overdueOfA.flag_id);
    const keys = (await one.dataSource.query('SELECT check_name, subject FROM scheduled_flag')) as { check_name: string; subject: string }[];
    expect(keys.map((k) => `${k.check_name}/${k.subject}`).sort()).toEqual(['test.overdue-case-escalation/a', 'test.overdue-case-escalation/b', 'test.overdue-case/a', 'test.overdue-case/b'].sort());
  });

  it('a write that fails rolls back its claim with it, so a later run raises that flag', async () => {
    await one.dataSource.query(`UPDATE overdue_case SET write_fails = true WHERE subject = 'c'`);
    clock.set('2027-03-22T09:00:00Z');
    await expect(run(one)).rejects.toThrow('the flag of c could not be written');
    expect((await flags()).some((f) => f.subject === 'c')).toBe(false);
    await one.dataSource.query(`UPDATE overdue_case SET write_fails = false WHERE subject = 'c'`);
    expect(await run(two)).toMatchObject({ raised: 1 });
    expect((await flags()).filter((f) => f.subject === 'c').map((f) => f.kind)).toEqual(['overdue']);
  });
});
