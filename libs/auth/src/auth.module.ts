import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, OfficerAuthGuard } from './officer-auth.guard';

/** Installs the officer guard on every route of the service. */
@Module({})
export class AuthModule {
  static forRoot(options: { secret: string }): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: AUTH_SECRET, useValue: options.secret }, { provide: APP_GUARD, useClass: OfficerAuthGuard }],
    };
  }
}
