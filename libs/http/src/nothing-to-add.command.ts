/**
 * The body of a write that needs nothing beyond its path (a permit extension). The input policy
 * wants a JSON object on every POST (json-body.ts); declaring this class makes the OpenAPI
 * document say `{}` and the validation refuse any property in it, as it does for every command.
 */
export class NothingToAddCommand {}
