// What tools and end-to-end tests may use of the console; services never import it.
export { createConsoleApp } from './console-app';
export { loadConsoleSettings, type ConsoleSettings } from './console-settings';
export { pkceChallenge } from './oidc-client';
