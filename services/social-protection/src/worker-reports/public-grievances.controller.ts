import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '@corridor/auth';
import { ApiProblems, NotFoundProblem, RateLimiter, TooManyRequests, rateLimitFrom } from '@corridor/http';
import { GrievanceRuleBroken } from '../grievances/grievance.errors';
import { FileWorkerReportCommand, WorkerReportFiledView, WorkerReportStatusView } from './worker-report.commands';
import { WorkerReportsUseCase } from './worker-reports.usecase';

/**
 * The caller's address: the socket's, or — when the node's own portal (on this host) forwarded
 * the request — the address it names last in X-Forwarded-For. Nobody else can set it.
 */
export function clientAddress(req: Pick<Request, 'headers' | 'socket'>): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  const loopback = peer === '127.0.0.1' || peer === '::1' || peer === '::ffff:127.0.0.1';
  if (loopback && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',').pop()!.trim();
  return peer;
}

/**
 * A worker's grievance without an account (ADR 0028): filing, limited per address; following by
 * reference and secret, limited per address and per reference. Settings (docs/runbook.md):
 * PUBLIC_GRIEVANCE_FILINGS ("5/3600": five an hour per address), PUBLIC_GRIEVANCE_LOOKUPS
 * ("30/3600" per address) and PUBLIC_GRIEVANCE_REFERENCE_LOOKUPS ("10/3600" per reference).
 */
@ApiTags('public')
@Public()
@Controller('api/v1/public/grievances')
export class PublicGrievancesController {
  private readonly filings = new RateLimiter('grievance filings from this address', rateLimitFrom(process.env.PUBLIC_GRIEVANCE_FILINGS, { limit: 5, windowSeconds: 3600 }));
  private readonly lookups = new RateLimiter('status lookups from this address', rateLimitFrom(process.env.PUBLIC_GRIEVANCE_LOOKUPS, { limit: 30, windowSeconds: 3600 }));
  private readonly referenceLookups = new RateLimiter('status lookups of this reference', rateLimitFrom(process.env.PUBLIC_GRIEVANCE_REFERENCE_LOOKUPS, { limit: 10, windowSeconds: 3600 }));

  constructor(private readonly reports: WorkerReportsUseCase) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'File a grievance as the worker, without an account' })
  @ApiCreatedResponse({ type: WorkerReportFiledView, description: 'In the handling country’s queue as reported by the worker; the secret is shown only now' })
  @ApiProblems(GrievanceRuleBroken, TooManyRequests)
  file(@Body() command: FileWorkerReportCommand, @Req() req: Request): Promise<WorkerReportFiledView> {
    // Counted once the input is valid: a malformed flood is refused (400) before it costs a row.
    this.filings.take(clientAddress(req));
    return this.reports.file(command);
  }

  @Get(':reference')
  @ApiOperation({ summary: 'The status of a grievance the worker filed' })
  @ApiHeader({ name: 'X-Grievance-Secret', required: true, description: 'The secret given at filing (a header, so that it stays out of URLs and logs)' })
  @ApiOkResponse({ type: WorkerReportStatusView, description: 'Status only' })
  @ApiProblems(NotFoundProblem, TooManyRequests)
  status(@Param('reference') reference: string, @Headers('x-grievance-secret') secret: string | undefined, @Req() req: Request): Promise<WorkerReportStatusView> {
    const ref = String(reference).slice(0, 40);
    this.lookups.take(clientAddress(req));
    this.referenceLookups.take(ref.toUpperCase());
    return this.reports.status(ref, secret ?? '');
  }
}
