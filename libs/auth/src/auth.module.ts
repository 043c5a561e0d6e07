import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_REFUSALS, type AccessRefusalSink } from './access/access-refusals';
import { ResourceOwners } from './access/resource-owners';
import { JwksVerifier, type JwksOptions } from './jwks-verifier';
import { ACCESS_NODE_COUNTRY, OfficerAuthGuard, TOKEN_VERIFIER, hs256Verifier } from './officer-auth.guard';

export type AuthOptions = ({ secret: string; jwks?: undefined } | { jwks: JwksOptions; secret?: undefined }) & {
  nodeCountry: string;
  /** Where refusals go when no global module provides ACCESS_REFUSALS (tests of a lib on its own). */
  refusals?: AccessRefusalSink;
};

/**
 * Installs the one access guard on every route: OIDC (JWKS) in production, HS256 in development,
 * then the access model. Global so that feature modules reach `ResourceOwners` to define theirs.
 * The refusal log (ACCESS_REFUSALS) comes from the audit library.
 */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    const verifier = options.jwks ? new JwksVerifier(options.jwks) : hs256Verifier(options.secret);
    return {
      module: AuthModule,
      providers: [
        { provide: TOKEN_VERIFIER, useValue: verifier },
        { provide: ACCESS_NODE_COUNTRY, useValue: options.nodeCountry },
        ResourceOwners,
        ...(options.refusals ? [{ provide: ACCESS_REFUSALS, useValue: options.refusals }] : []),
        { provide: APP_GUARD, useClass: OfficerAuthGuard },
      ],
      exports: [ResourceOwners],
    };
  }
}
