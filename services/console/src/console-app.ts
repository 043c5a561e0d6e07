import { existsSync } from 'node:fs';
import path from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { configureHttp } from '@corridor/http';
import { createServiceLogger } from '@corridor/service-runtime';
import { ConsoleController } from './console.controller';
import { PortalController } from './portal/portal.controller';
import { servePortal } from './portal/portal-web';
import type { ConsoleSettings } from './console-settings';
import { CONSOLE_SETTINGS, OIDC_CLIENT, SESSIONS } from './console.tokens';
import { OidcClient } from './oidc-client';
import { SessionStore } from './sessions';

const API_PREFIXES = ['/bff', '/auth', '/api', '/health', '/portal-api'];

/** The console of one country node: the BFF routes, and the built SPA for every other GET. */
export async function createConsoleApp(settings: ConsoleSettings): Promise<INestApplication> {
  @Module({
    controllers: [ConsoleController, PortalController],
    providers: [
      { provide: CONSOLE_SETTINGS, useValue: settings },
      { provide: SESSIONS, useValue: new SessionStore(settings.sessionHours * 3_600_000) },
      { provide: OIDC_CLIENT, useValue: settings.oidc ? new OidcClient(settings.oidc) : undefined },
    ],
  })
  class ConsoleModule {}

  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule, { logger: createServiceLogger(process.env) });
  app.use(cookieParser());
  app.disable('x-powered-by');
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    res.setHeader('x-frame-options', 'DENY');
    next();
  });
  servePortal(app, settings.portalWebRoot ?? path.join(path.dirname(settings.webRoot), 'dist-portal'));
  serveSpa(app, settings.webRoot);
  configureHttp(app, { title: 'Corridor officer console (BFF)', description: 'Sign-in, session and the officer’s calls to the stage services' });
  await app.init();
  return app;
}

function serveSpa(app: NestExpressApplication, webRoot: string): void {
  const index = path.join(webRoot, 'index.html');
  const isApi = (p: string) => API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
  const assets = express.static(webRoot, {
    index: false,
    setHeaders: (res, file) => {
      // Hashed assets never change; the shell, the service worker and the manifest must be revalidated.
      res.setHeader('cache-control', /[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => (req.method === 'GET' && !isApi(req.path) ? assets(req, res, next) : next()));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req.path)) return next();
    if (!existsSync(index)) return res.status(503).type('text/plain').send(`the console's web app is not built: npm run console:build (looked in ${webRoot})`);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
