import { applyDecorators, createParamDecorator, Inject, Injectable, Optional, SetMetadata, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { ACCESS_METADATA, type AccessDeclaration } from './access/access.decorator';
import { accessScope, decideAccess } from './access/access-model';
import { agencyLicenceNotValid, forbidden, notFound, unauthenticated } from './access/access-problems';
import { ACCESS_REFUSALS, type AccessRefusalRecord, type AccessRefusalSink } from './access/access-refusals';
import { AGENCY_DIRECTORY, type AgencyDirectory } from './access/agency-directory';
import { OPERATIONS } from './access/operations';
import { ResourceOwners } from './access/resource-owners';
import { verifyOfficerToken } from './tokens';
import type { Officer } from './roles';

/** How tokens are checked: HS256 with a shared secret (development), or an OIDC provider's JWKS. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export type TokenVerifier = { verify(token: string): Promise<Officer> };
/** The country of the node this service runs for. */
export const ACCESS_NODE_COUNTRY = Symbol('ACCESS_NODE_COUNTRY');

export function hs256Verifier(secret: string): TokenVerifier {
  return { verify: async (token) => verifyOfficerToken(token, secret) };
}

const PUBLIC_ROUTE = 'corridor:public-route';

/**
 * Reachable without a token, alike for everyone: health, documentation and what a border officer
 * checks with no login (a clearance document, the node's public keys). Declared in the OpenAPI
 * document as `x-corridor-access: {public: true}`, so the generated access suite checks it too.
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-corridor-access', { public: true }));

interface AuthenticatedRequest extends Request {
  officer?: Officer;
}

/** The verified caller of this request. */
export const CurrentOfficer = createParamDecorator((_: unknown, context: ExecutionContext): Officer => {
  const officer = context.switchToHttp().getRequest<AuthenticatedRequest>().officer;
  if (!officer) throw new UnauthorizedException('no verified officer on this request');
  return officer;
});

/**
 * The one gate of every route: a valid token, then the access model's decision on the route's
 * declared operation and on the object its path names, before any input is read. A route with
 * no `@Access` declaration is refused (fail closed). Every refusal goes to the refusal log.
 */
@Injectable()
export class OfficerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(ACCESS_NODE_COUNTRY) private readonly nodeCountry: string,
    private readonly owners: ResourceOwners,
    @Inject(ACCESS_REFUSALS) private readonly refusals: AccessRefusalSink,
    @Optional() @Inject(AGENCY_DIRECTORY) private readonly agencies?: AgencyDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, targets);
    const operation = declaration?.operation ?? `${request.method} ${request.route?.path ?? request.path}`;
    const refuse = (error: Error & { getStatus(): number }, reason: string, officer?: Officer, target?: { type: string; id: string }) => {
      this.refusals.refused(refusalRecord(request, officer, operation, reason, error.getStatus(), target));
      return error;
    };

    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw refuse(unauthenticated('send an officer token as "Authorization: Bearer <jwt>"'), 'no-token');
    }
    let officer: Officer;
    try {
      officer = await this.verifier.verify(token);
    } catch (error) {
      throw refuse(unauthenticated((error as Error).message), 'bad-token');
    }
    request.officer = officer;
    if (!declaration) throw refuse(forbidden(`the route ${operation} declares no access rule, so nobody may use it`), 'no-declaration', officer);

    const decision = decideAccess(officer, declaration.operation, this.nodeCountry);
    if (!decision.allowed) throw refuse(forbidden(decision.detail), decision.refusal, officer);
    await this.checkAgency(officer, declaration, refuse);

    if (declaration.resource) {
      const params = request.params ?? {};
      const id = params[declaration.param ?? Object.keys(params)[0] ?? ''];
      if (typeof id !== 'string') throw new Error(`route for "${declaration.operation}" names resource ${declaration.resource} but has no path parameter for it`);
      const target = { type: declaration.resource, id };
      // Malformed ids are unknown ids: the same 404, never a lookup error.
      const owner = UUID.test(id) ? await this.owners.ownerOf(declaration.resource, id) : undefined;
      if (!owner || !decideAccess(officer, declaration.operation, this.nodeCountry, owner).allowed) throw refuse(notFound(declaration.resource, id), owner ? 'not-visible' : 'unknown', officer, target);
    }
    return true;
  }

  /** An agency in a token must be one of the node country's; licence state gates what discloses or sends person data. */
  private async checkAgency(officer: Officer, declaration: AccessDeclaration, refuse: (error: Error & { getStatus(): number }, reason: string, officer?: Officer) => Error) {
    const agency = accessScope(officer).agency;
    if (!agency || !this.agencies || officer.country !== this.nodeCountry) return;
    const standing = UUID.test(agency) ? await this.agencies.standingOf(agency) : undefined;
    if (!standing || standing.country !== officer.country) {
      throw refuse(agencyLicenceNotValid(agency, `it is not a licensed agency of ${this.nodeCountry}`, 'unknown', 'unknown-agency'), 'agency-unknown', officer);
    }
    const traits = OPERATIONS[declaration.operation];
    if ((traits.personData || traits.agencyLicence) && standing.licenceProblem) {
      throw refuse(agencyLicenceNotValid(agency, standing.licenceProblem, standing.licenceStatus, standing.licenceReason ?? 'unknown-agency'), 'agency-licence', officer);
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function refusalRecord(
  request: Request,
  officer: Officer | undefined,
  operation: string,
  reason: string,
  status: number,
  target?: { type: string; id: string },
): AccessRefusalRecord {
  return {
    subject: officer?.subject ?? 'anonymous',
    country: officer?.country ?? null,
    agencyId: officer?.agencyId ?? null,
    operation,
    targetType: target?.type ?? null,
    // Bounded: a refused request must not be able to write arbitrary text into the log.
    targetId: target ? target.id.slice(0, 100) : null,
    reason,
    status,
    sourceIp: request.ip ?? null,
  };
}
