export * from './roles';
export * from './tokens';
export * from './officer-auth.guard';
export * from './auth.module';
export * from './jwks-verifier';
