import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The public portal's pages at /portal (ADR 0028): its own build (web/dist-portal), no service
 * worker of the console's, hashed assets cached for a year, the page revalidated.
 */
export function servePortal(app: NestExpressApplication, webRoot: string): void {
  const page = path.join(webRoot, 'portal.html');
  const assets = express.static(webRoot, {
    index: false,
    setHeaders: (res, file) => res.setHeader('cache-control', /[/\\]assets[/\\]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.use('/portal', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (req.path !== '/' && req.path !== '') return assets(req, res, next);
    if (!existsSync(page)) return res.status(503).type('text/plain').send(`the public portal is not built: npm run console:build (looked in ${webRoot})`);
    res.setHeader('cache-control', 'no-cache');
    // Nothing of another origin: scripts, styles, fonts and calls from this node only.
    res.setHeader('content-security-policy', "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    res.sendFile(page);
  });
}
