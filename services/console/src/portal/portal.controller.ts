import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { serviceUrl, type ServiceName } from '@corridor/config';
import { CONSOLE_SETTINGS } from '../console.tokens';
import type { ConsoleSettings } from '../console-settings';

/**
 * The public portal's backend (ADR 0028): no session, no cookie, no token. Each route passes one
 * public endpoint of the node's stage services through, unchanged, with the worker's address in
 * X-Forwarded-For (the grievance rate limits count it) and nothing of the request but what the
 * endpoint reads. The stage services decide everything; this only keeps them off the Internet.
 */
@ApiExcludeController()
@Controller('portal-api')
export class PortalController {
  constructor(@Inject(CONSOLE_SETTINGS) private readonly settings: ConsoleSettings) {}

  @Get('agencies')
  agencies(@Req() req: Request, @Res() res: Response) {
    return this.pass(req, res, 'journey', '/api/v1/public/agencies', { q: req.query.q });
  }

  @Get('agencies/:licenceNumber')
  agency(@Req() req: Request, @Res() res: Response) {
    return this.pass(req, res, 'journey', `/api/v1/public/agencies/${encodeURIComponent(String(req.params.licenceNumber))}`);
  }

  @Get('corridors')
  corridors(@Req() req: Request, @Res() res: Response) {
    return this.pass(req, res, 'journey', '/api/v1/public/corridors');
  }

  /** The deployment stage's check, less the journey id the document carries: the portal shows no journey ids. */
  @Get('clearances/verify')
  verify(@Req() req: Request, @Res() res: Response) {
    return this.pass(req, res, 'deployment', '/api/v1/public/clearances/verify', { document: req.query.document }, undefined, {}, (answer) => {
      const printed = (answer as { printed?: Record<string, unknown> }).printed;
      if (printed) delete printed.journeyId;
      return answer;
    });
  }

  @Post('grievances')
  file(@Req() req: Request, @Res() res: Response) {
    return this.pass(req, res, 'social-protection', '/api/v1/public/grievances', {}, JSON.stringify(req.body ?? {}));
  }

  @Get('grievances/:reference')
  status(@Req() req: Request, @Res() res: Response) {
    const secret = req.headers['x-grievance-secret'];
    return this.pass(req, res, 'social-protection', `/api/v1/public/grievances/${encodeURIComponent(String(req.params.reference))}`, {}, undefined, typeof secret === 'string' ? { 'x-grievance-secret': secret } : {});
  }

  private async pass(
    req: Request,
    res: Response,
    service: ServiceName,
    path: string,
    query: Record<string, unknown> = {},
    body?: string,
    extra: Record<string, string> = {},
    reshape?: (answer: unknown) => unknown,
  ): Promise<void> {
    const search = new URLSearchParams(Object.entries(query).filter(([, v]) => typeof v === 'string') as [string, string][]).toString();
    const headers: Record<string, string> = { accept: 'application/json', 'x-forwarded-for': req.socket.remoteAddress ?? 'unknown', ...extra };
    for (const name of ['x-correlation-id', 'traceparent', 'accept-language']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await fetch(`${serviceUrl(this.settings.node.country, service)}${path}${search ? `?${search}` : ''}`, { method: req.method, headers, body });
    res.status(answer.status);
    for (const name of ['content-type', 'retry-after']) {
      const value = answer.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    res.setHeader('cache-control', 'no-store');
    const raw = Buffer.from(await answer.arrayBuffer());
    res.send(reshape && answer.ok ? JSON.stringify(reshape(JSON.parse(raw.toString('utf8')))) : raw);
  }
}
