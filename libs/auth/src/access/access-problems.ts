import { HttpException } from '@nestjs/common';

/**
 * A refusal from the access guard, with its own problem type. libs/http's filter turns it into
 * problem+json (libs/auth cannot depend on libs/http, which depends on it).
 */
export class AccessProblem extends HttpException {
  constructor(status: 401 | 403 | 404 | 409, problemType: string, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super({ statusCode: status, problemType, title, message: detail, extensions }, status);
  }
}

export const unauthenticated = (detail: string) => new AccessProblem(401, 'unauthenticated', 'No valid officer token', detail);
export const forbidden = (detail: string) => new AccessProblem(403, 'forbidden', 'Not allowed for this token', detail);
/** Exactly what an unknown id answers: "not yours" must not be told apart from "not there". */
export const notFound = (resource: string, id: string) => new AccessProblem(404, 'not-found', 'Not found', `${resource} ${id} not found`);
/** `reason`: suspended, revoked, expired, not-yet-valid, unknown-agency (not one this node licenses) or no-agency. */
export const agencyLicenceNotValid = (agencyId: string, detail: string, licenceStatus: string, reason: string) =>
  new AccessProblem(409, 'agency-licence-not-valid', 'The agency may not act now', `agency ${agencyId} may not recruit: ${detail}`, { agencyId, licenceStatus, reason });
