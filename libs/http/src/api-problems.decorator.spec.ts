import { Controller, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ApiProblems } from './api-problems.decorator';
import { DomainProblem } from './problem';
import { CorridorNotOpen, InvalidCalendarDate } from './shared-problems';

class WidgetJammed extends DomainProblem({ status: 409, slug: 'widget-jammed', title: 'The widget is jammed' }) {}

@Controller('widgets')
class WidgetsController {
  @Post()
  @ApiProblems(WidgetJammed, CorridorNotOpen, InvalidCalendarDate)
  create(): void {}
}

describe('@ApiProblems', () => {
  it("lists the operation's problem types per status, as type URIs the code declares", async () => {
    const module = await Test.createTestingModule({ controllers: [WidgetsController] }).compile();
    const app = module.createNestApplication({ logger: false });
    await app.init();
    const operation = SwaggerModule.createDocument(app, new DocumentBuilder().build()).paths['/widgets'].post as unknown as Record<string, unknown> & {
      responses: Record<string, { description: string; content: Record<string, { schema: { properties: { type: { enum: string[] } } } }> }>;
    };
    await app.close();
    expect(operation['x-corridor-problems']).toEqual([
      'https://corridor.gms/problems/widget-jammed',
      'https://corridor.gms/problems/corridor-not-open',
      'https://corridor.gms/problems/invalid-date',
    ]);
    expect(operation.responses['409'].content['application/problem+json'].schema.properties.type.enum).toEqual([
      'https://corridor.gms/problems/widget-jammed',
      'https://corridor.gms/problems/corridor-not-open',
    ]);
    expect(operation.responses['422'].content['application/problem+json'].schema.properties.type.enum).toEqual(['https://corridor.gms/problems/invalid-date']);
    expect(operation.responses['409'].description).toContain('`widget-jammed`: The widget is jammed');
  });
});
