export const CONSOLE_SETTINGS = Symbol('CONSOLE_SETTINGS');
export const SESSIONS = Symbol('SESSIONS');
export const OIDC_CLIENT = Symbol('OIDC_CLIENT');
