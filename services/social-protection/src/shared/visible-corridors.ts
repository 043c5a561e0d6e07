import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { accessScope, grantedSides, type Officer, type Operation } from '@corridor/auth';

/**
 * Lists show what `decideAccess` would let the officer open one by one: objects whose origin is
 * the officer's country when its roles act for the origin, whose destination is when they act
 * for the destination; nothing for a token held to an agency (no agency owns these objects).
 */
export function visibleCorridorsClause<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, alias: string, officer: Officer, operation: Operation): SelectQueryBuilder<T> {
  const sides = grantedSides(officer, operation);
  if (accessScope(officer).agency !== undefined || sides.length === 0) return builder.andWhere('1 = 0');
  const clauses = sides.map((side) => `${alias}.${side} = :visibleCountry`);
  return builder.andWhere(`(${clauses.join(' OR ')})`, { visibleCountry: officer.country });
}
