import { ConflictProblem, UnprocessableProblem } from '@corridor/http';

export class WorkerAlreadyRegistered extends ConflictProblem {
  constructor(documentType: string, documentNumber: string, existingWorkerId: string) {
    super(`a worker with ${documentType} ${documentNumber} is already registered`, { existingWorkerId });
  }
}

export class InvalidRegistration extends UnprocessableProblem {}
