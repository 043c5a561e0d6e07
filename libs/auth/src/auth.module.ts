import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwksVerifier, type JwksOptions } from './jwks-verifier';
import { OfficerAuthGuard, TOKEN_VERIFIER, hs256Verifier } from './officer-auth.guard';

export type AuthOptions = { secret: string; jwks?: undefined } | { jwks: JwksOptions; secret?: undefined };

/** Installs the officer guard on every route: OIDC (JWKS) in production, HS256 in development. */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    const verifier = options.jwks ? new JwksVerifier(options.jwks) : hs256Verifier(options.secret);
    return {
      module: AuthModule,
      providers: [{ provide: TOKEN_VERIFIER, useValue: verifier }, { provide: APP_GUARD, useClass: OfficerAuthGuard }],
    };
  }
}
