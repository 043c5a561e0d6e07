import { DomainProblem } from '@corridor/http';

/** 422: answers that the instrument cannot score (unknown indicator, answer off its scale). */
export class AnswersNotOnTheInstrument extends DomainProblem({ status: 422, slug: 'answers-not-on-the-instrument', title: 'The answers do not fit the sustainability instrument' }) {
  constructor(problems: string[]) {
    super(problems.join('; '), { problems });
  }
}

/** 422: a step of a case names something the case does not have, or breaks a rule of dates. */
export class CaseStepRefused extends DomainProblem({ status: 422, slug: 'case-step-refused', title: 'The step cannot be recorded on this case' }) {
  constructor(reason: string, field: string) {
    super(reason, { field });
  }
}
