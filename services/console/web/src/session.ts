import { createContext, useContext } from 'react';

export interface Officer {
  subject: string;
  country: string;
  agencyId?: string;
  roles: string[];
}

/** The BFF's /bff/me: who, on which node, and the operations the access model (libs/auth) grants here. */
export interface SessionInfo {
  officer: Officer;
  nodeCountry: string;
  operations: Record<string, string[]>;
  locale: string | null;
  csrfToken: string;
  /** Where workers arrive at this node (its corridors' checkpoints): the arrivals list filters by one. */
  arrivalCheckpoints: { code: string; name: string }[];
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

export function may(session: SessionInfo, operation: string): boolean {
  return Boolean(session.operations[operation]?.length);
}
