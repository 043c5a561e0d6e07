import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTimeline1763900000200 implements MigrationInterface {
  name = 'CreateTimeline1763900000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE journey (
        id uuid PRIMARY KEY,
        origin text NOT NULL,
        destination text,
        shared_with_destination_at timestamptz,
        agency_id text,
        opened_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE timeline_entry (
        event_id uuid PRIMARY KEY,
        journey_id uuid NOT NULL REFERENCES journey (id),
        event_type text NOT NULL,
        stage text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_by_country text NOT NULL,
        recorded_by_agency text,
        recorded_by_officer text,
        topic text NOT NULL,
        details jsonb NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX timeline_by_journey ON timeline_entry (journey_id, occurred_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timeline_entry');
    await runner.query('DROP TABLE journey');
  }
}
