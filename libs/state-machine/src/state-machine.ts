import { DomainProblem } from '@corridor/http';

/**
 * 409: the action is not allowed in the object's current state. Names the state, the action and
 * what is allowed now, so a client can tell its next step without reading the detail. The same
 * value is what a replica logs when it leaves out an event its state machine forbids.
 */
export class IllegalTransition extends DomainProblem({ status: 409, slug: 'illegal-transition', title: 'Not allowed in the current state' }) {
  constructor(
    readonly subject: string,
    readonly currentState: string,
    readonly action: string,
    readonly allowedActions: string[],
  ) {
    super(`${subject} is ${currentState}; "${action}" is not allowed. Allowed now: ${allowedActions.length ? allowedActions.join(', ') : 'nothing (final state)'}`, {
      currentState,
      action,
      allowedActions,
    });
  }
}

/** One row of a transition table: the state an action leads to, or the states it may lead to. */
export type Targets<S extends string> = S | readonly S[];

/** state × action → next state(s). An action missing from a state's row is not allowed there. */
export type TransitionTable<S extends string, A extends string> = Record<S, Partial<Record<A, Targets<S>>>>;

/** What a state machine needs to know of the object: its id (for the problem) and its state. */
export interface Stateful<S extends string> {
  id: string;
  status: S;
}

/**
 * One aggregate's lifecycle, declared once and applied by the use cases on the node where an
 * officer acts and by the replica projectors on the other node, so the two cannot disagree.
 */
export interface StateMachine<S extends string, A extends string> {
  /** Names the object in problems, e.g. "job order". */
  readonly subject: string;
  readonly table: TransitionTable<S, A>;
  readonly states: S[];
  /** Every action the table names, in any state (for the enum of `allowedActions` in a view). */
  readonly actions: A[];
  allowedActions(state: S): A[];
  /** The states `action` may lead to from `state` (empty when not allowed). */
  targets(state: S, action: A): S[];
  /** The refusal when `action` is not allowed for the object now, else undefined (replicas log it). */
  refusal(object: Stateful<S>, action: A): IllegalTransition | undefined;
  /**
   * The next state, or throws IllegalTransition. When the table gives several targets, `choose`
   * picks one (e.g. signed only once both parties have); it must be one of them.
   */
  next(object: Stateful<S>, action: A, choose?: (targets: S[]) => S): S;
}

export function defineStateMachine<S extends string, A extends string>(subject: string, table: TransitionTable<S, A>): StateMachine<S, A> {
  const targets = (state: S, action: A): S[] => {
    const to = table[state]?.[action];
    return to === undefined ? [] : typeof to === 'string' ? [to as S] : [...(to as readonly S[])];
  };
  const allowedActions = (state: S): A[] => Object.keys(table[state] ?? {}) as A[];
  const refusal = (object: Stateful<S>, action: A): IllegalTransition | undefined =>
    targets(object.status, action).length ? undefined : new IllegalTransition(`${subject} ${object.id}`, object.status, action, allowedActions(object.status));
  return {
    subject,
    table,
    states: Object.keys(table) as S[],
    actions: [...new Set(Object.values<Partial<Record<A, Targets<S>>>>(table).flatMap((row) => Object.keys(row) as A[]))],
    allowedActions,
    targets,
    refusal,
    next(object, action, choose) {
      const refused = refusal(object, action);
      if (refused) throw refused;
      const possible = targets(object.status, action);
      if (possible.length === 1) return possible[0];
      if (!choose) throw new Error(`${subject}: "${action}" from ${object.status} leads to ${possible.join(' or ')}; the caller must choose`);
      const chosen = choose(possible);
      if (!possible.includes(chosen)) throw new Error(`${subject}: "${action}" from ${object.status} cannot lead to ${chosen} (declared: ${possible.join(', ')})`);
      return chosen;
    },
  };
}
