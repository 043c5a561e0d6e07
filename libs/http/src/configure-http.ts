import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation';

export interface HttpOptions {
  title: string;
  description: string;
  version?: string;
  /** Largest JSON body accepted; larger ones get 413. */
  bodyLimit?: string;
}

/** What every Corridor HTTP API shares: validation, problem+json, body limit, OpenAPI at /api/docs. */
export function configureHttp(app: INestApplication, options: HttpOptions): void {
  const expressApp = app as NestExpressApplication;
  expressApp.useBodyParser('json', { limit: options.bodyLimit ?? '100kb' });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion(options.version ?? '1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
