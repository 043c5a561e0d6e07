import request from 'supertest';
import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsString } from 'class-validator';
import { currentTraceContext } from '@corridor/trace-context';
import { configureHttp } from './configure-http';

class Note {
  @IsString()
  text: string;
}

/** Answers the trace context the handler runs in, after the body was read and validated. */
@Controller('trace')
class TraceController {
  @Post()
  async post(@Body() note: Note) {
    await new Promise((resolve) => setImmediate(resolve));
    return { ...currentTraceContext(), text: note.text };
  }

  @Get()
  get() {
    return currentTraceContext();
  }
}

@Module({ controllers: [TraceController] })
class TraceModule {}

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
let app: INestApplication;

beforeAll(async () => {
  app = await NestFactory.create(TraceModule, { logger: false });
  configureHttp(app, { title: 'trace', description: 'trace context' });
  await app.init();
});

afterAll(() => app.close());

describe('every request runs in its trace context', () => {
  it('keeps the caller\'s X-Correlation-Id and trace through the body parser into the handler, and answers them', async () => {
    const response = await request(app.getHttpServer())
      .post('/trace')
      .set('X-Correlation-Id', 'req-42')
      .set('traceparent', `00-${TRACE}-${PARENT}-01`)
      .send({ text: 'hello' })
      .expect(201);
    expect(response.body).toMatchObject({ correlationId: 'req-42', traceId: TRACE, parentSpanId: PARENT, text: 'hello' });
    expect(response.body.spanId).not.toBe(PARENT);
    expect(response.headers['x-correlation-id']).toBe('req-42');
    expect(response.headers.traceparent).toBe(`00-${TRACE}-${response.body.spanId}-01`);
  });

  it('replaces a correlation id that is not one, and starts a trace for a traceparent that is not valid', async () => {
    const response = await request(app.getHttpServer())
      .get('/trace')
      .set('X-Correlation-Id', 'x'.repeat(129))
      .set('traceparent', `00-${'0'.repeat(32)}-${PARENT}-01`)
      .expect(200);
    expect(response.body.correlationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(response.headers['x-correlation-id']).toBe(response.body.correlationId);
    expect(response.body.traceId).not.toBe('0'.repeat(32));
    expect(response.body.parentSpanId).toBeUndefined();
  });

  it('gives concurrent requests each their own', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `req-${i}`);
    const answers = await Promise.all(ids.map((id) => request(app.getHttpServer()).post('/trace').set('X-Correlation-Id', id).send({ text: id })));
    expect(answers.map((r) => [r.body.correlationId, r.body.text])).toEqual(ids.map((id) => [id, id]));
    expect(new Set(answers.map((r) => r.body.traceId)).size).toBe(ids.length);
  });

  it('answers a refused body with its correlation id too', async () => {
    const response = await request(app.getHttpServer()).post('/trace').set('X-Correlation-Id', 'req-bad').set('Content-Type', 'text/plain').send('hello').expect(415);
    expect(response.headers['x-correlation-id']).toBe('req-bad');
  });

  it('documents both headers on every operation of the OpenAPI document', async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    const post = document.paths['/trace'].post;
    expect(post.parameters.filter((p) => p.in === 'header').map((p) => p.name)).toEqual(['X-Correlation-Id', 'traceparent']);
  });
});
