import {
  createParamDecorator,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { verifyOfficerToken } from './tokens';
import type { Officer, Role } from './roles';

/** How tokens are checked: HS256 with a shared secret (development), or an OIDC provider's JWKS. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export type TokenVerifier = { verify(token: string): Promise<Officer> };

export function hs256Verifier(secret: string): TokenVerifier {
  return { verify: async (token) => verifyOfficerToken(token, secret) };
}

const PUBLIC_ROUTE = 'corridor:public-route';
const REQUIRED_ROLES = 'corridor:required-roles';

/** Reachable without a token: health and documentation only. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs at least one of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

interface AuthenticatedRequest extends Request {
  officer?: Officer;
}

/** The verified caller of this request. */
export const CurrentOfficer = createParamDecorator((_: unknown, context: ExecutionContext): Officer => {
  const officer = context.switchToHttp().getRequest<AuthenticatedRequest>().officer;
  if (!officer) throw new UnauthorizedException('no verified officer on this request');
  return officer;
});

/** Every route needs a valid bearer token unless marked @Public(); @RequireRoles narrows it further. */
@Injectable()
export class OfficerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException('send an officer token as "Authorization: Bearer <jwt>"');
    }
    try {
      request.officer = await this.verifier.verify(token);
    } catch (error) {
      throw new UnauthorizedException((error as Error).message);
    }
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((role) => request.officer!.roles.includes(role))) {
      throw new ForbiddenException(`this action needs one of the roles: ${required.join(', ')}`);
    }
    return true;
  }
}
