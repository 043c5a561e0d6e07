import { Controller, Get, HttpStatus, Inject, Module, Res, type DynamicModule, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@corridor/auth';

/** One dependency the service cannot work without. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<{ up: boolean; [detail: string]: unknown }>;
}

const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** One dependency's answer: up or down, with what the check adds (e.g. the error). */
export class HealthCheckView {
  @ApiProperty({ enum: ['up', 'down'] })
  status: 'up' | 'down';

  @ApiProperty()
  up: boolean;

  @ApiProperty({ required: false, example: 'connect ECONNREFUSED 127.0.0.1:5432', description: 'Why the check failed' })
  error?: string;
}

export class HealthView {
  @ApiProperty({ enum: ['up', 'down'], description: 'up only when every dependency is' })
  status: 'up' | 'down';

  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(HealthCheckView) }, example: { postgres: { up: true, status: 'up' }, kafka: { up: true, status: 'up' } } })
  checks: Record<string, HealthCheckView>;
}

@Public()
@ApiTags('health')
@ApiExtraModels(HealthCheckView)
@Controller('health')
class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  @ApiOperation({ summary: 'Whether Postgres and Kafka answer (readiness and liveness probe)' })
  @ApiOkResponse({ type: HealthView, description: 'Every dependency answers' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'A dependency does not answer: the same body, with the failing ones down' })
  async health(@Res() response: Response): Promise<void> {
    const results = await Promise.all(
      this.checks.map(async (c) => [c.name, await c.check().catch((e: Error) => ({ up: false, error: e.message }))] as const),
    );
    const up = results.every(([, r]) => r.up);
    const body: HealthView = {
      status: up ? 'up' : 'down',
      checks: Object.fromEntries(results.map(([name, r]) => [name, { ...r, status: r.up ? 'up' : 'down' }])),
    };
    response.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(body);
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
