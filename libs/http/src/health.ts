import { Controller, Get, HttpStatus, Inject, Module, Res, type DynamicModule, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@corridor/auth';

/** One dependency the service cannot work without. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<{ up: boolean; [detail: string]: unknown }>;
}

const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

@Public()
@ApiTags('health')
@Controller('health')
class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  @ApiOkResponse({ description: 'Every dependency answers; 503 with the failing ones otherwise' })
  async health(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async (c) => [c.name, await c.check().catch((e: Error) => ({ up: false, error: e.message }))] as const),
    );
    const up = results.every(([, r]) => r.up);
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      status: up ? 'up' : 'down',
      checks: Object.fromEntries(results.map(([name, r]) => [name, { ...r, status: r.up ? 'up' : 'down' }])),
    });
  }
}

/** GET /health over the checks given; answers 200 only when all are up. */
@Module({})
export class HealthModule {
  static forChecks(checks: Type<HealthCheck>[]): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [{ provide: HEALTH_CHECKS, inject: checks, useFactory: (...instances: HealthCheck[]) => instances }],
    };
  }
}
