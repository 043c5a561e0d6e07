/**
 * Where refused attempts go (401, 403, and 404 on objects the caller may not see), for auditors.
 * The audit library provides the implementation; it must never slow or fail the request.
 */
export const ACCESS_REFUSALS = Symbol('ACCESS_REFUSALS');

export interface AccessRefusalRecord {
  /** Token subject, or `anonymous` when no valid token was sent. */
  subject: string;
  country: string | null;
  agencyId: string | null;
  operation: string;
  targetType: string | null;
  targetId: string | null;
  /** no-token, bad-token, no-role, other-country, agency-unknown, agency-licence, not-visible, no-declaration */
  reason: string;
  status: number;
  sourceIp: string | null;
}

export interface AccessRefusalSink {
  refused(record: AccessRefusalRecord): void;
}
