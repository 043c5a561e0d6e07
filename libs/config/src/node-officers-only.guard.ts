import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Officer } from '@corridor/auth';
import type { NodeConfig } from './node-config';
import { InjectNodeConfig } from './node-config.module';

/**
 * For routes only this node's own officers may use (e.g. workers at origin): an officer of
 * another country is refused whatever their roles. Runs after the global token guard.
 */
@Injectable()
export class NodeOfficersOnlyGuard implements CanActivate {
  constructor(@InjectNodeConfig() private readonly config: NodeConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const officer = context.switchToHttp().getRequest<{ officer?: Officer }>().officer;
    if (!officer || officer.country !== this.config.country) {
      throw new ForbiddenException(`only officers of ${this.config.country} may use this endpoint of the ${this.config.country} node`);
    }
    return true;
  }
}
