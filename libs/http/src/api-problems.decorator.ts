import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemType, type ProblemTypeSpec } from './problem';

/**
 * Declares the problem types an operation answers with, beyond the input policy's and the access
 * model's (which every operation has): one response per status listing the type URIs, and
 * `x-corridor-problems` with every type. Takes the problem classes themselves, so the document
 * cannot name a type the code does not have.
 *
 *   @ApiProblems(JobOrderFull, WorkerAlreadyMatched, IllegalTransition)
 */
export function ApiProblems(...problems: ProblemTypeSpec[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ProblemTypeSpec[]>();
  for (const problem of problems) byStatus.set(problem.status, [...(byStatus.get(problem.status) ?? []), problem]);
  return applyDecorators(
    ApiExtension('x-corridor-problems', problems.map((p) => problemType(p.slug))),
    ...[...byStatus].map(([status, ofStatus]) =>
      ApiResponse({
        status,
        description: ofStatus.map((p) => `\`${p.slug}\`: ${p.title}`).join('; ') + ' (problem+json, see docs/problems.md)',
        content: {
          [PROBLEM_CONTENT_TYPE]: {
            schema: {
              type: 'object',
              required: ['type', 'title', 'status', 'detail'],
              properties: {
                type: { type: 'string', enum: ofStatus.map((p) => problemType(p.slug)) },
                title: { type: 'string' },
                status: { type: 'integer', enum: [status] },
                detail: { type: 'string', description: 'For people; clients act on `type` and the extension fields' },
                instance: { type: 'string' },
              },
              additionalProperties: true,
            },
          },
        },
      }),
    ),
  );
}
