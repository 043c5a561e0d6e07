import { DomainProblem } from '@corridor/http';

/** 409: orientation comes after matching. */
export class AttendeeNotMatched extends DomainProblem({ status: 409, slug: 'attendee-not-matched', title: 'The worker is not matched to a job order yet' }) {
  constructor(workerId: string) {
    super(`worker ${workerId} is not matched to a job order: orientation comes after matching`);
  }
}

/** 409: a worker attends a session once. */
export class AttendanceAlreadyRecorded extends DomainProblem({ status: 409, slug: 'attendance-already-recorded', title: 'The attendance is already recorded' }) {
  constructor(workerId: string, sessionId: string) {
    super(`worker ${workerId} is already recorded at session ${sessionId}`);
  }
}

/** 409: a session is completed on or after the day it is held. */
export class SessionNotHeldYet extends DomainProblem({ status: 409, slug: 'session-not-held-yet', title: 'The session has not been held yet' }) {
  constructor(sessionId: string, heldOn: string, today: string, currentState: string) {
    super(`session ${sessionId} is held on ${heldOn}; it cannot be completed before (today is ${today})`, { heldOn, today, currentState, allowedActions: ['record-attendance'] });
  }
}
