import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Answers "does this service's database answer a query?" within a bounded time. */
@Injectable()
export class PostgresHealth {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<{ up: boolean; error?: string }> {
    try {
      await this.dataSource.query('SELECT 1');
      return { up: true };
    } catch (error) {
      return { up: false, error: (error as Error).message };
    }
  }
}
