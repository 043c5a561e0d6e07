import { Injectable } from '@nestjs/common';
import type { CountryKeyring } from '@corridor/crypto';
import { InjectPersonDataKeys } from '@corridor/service-runtime';
import type { Worker } from './worker.entity';

/** The worker's person data in clear: exists only in memory, never in a table or an event. */
export interface PersonDataInClear {
  fullName: string;
  fullNameLatin: string;
  birthDate: string;
  documentNumber: string;
}

type EncryptedColumns = Pick<Worker, 'fullNameEnc' | 'fullNameLatinEnc' | 'birthDateEnc' | 'documentNumberEnc' | 'documentIndex' | 'nameIndex'>;

/**
 * Encrypts person data for the worker table and builds its blind indexes. The row id and the
 * column are bound in as authenticated data, so ciphertext cannot be moved between rows or columns.
 */
@Injectable()
export class WorkerPersonData {
  constructor(@InjectPersonDataKeys() private readonly keys: CountryKeyring) {}

  seal(workerId: string, person: PersonDataInClear, nationality: string, documentType: string): EncryptedColumns {
    const cipher = this.keys.fieldCipher;
    return {
      fullNameEnc: cipher.encrypt(person.fullName, `worker.full_name:${workerId}`),
      fullNameLatinEnc: cipher.encrypt(person.fullNameLatin, `worker.full_name_latin:${workerId}`),
      birthDateEnc: cipher.encrypt(person.birthDate, `worker.birth_date:${workerId}`),
      documentNumberEnc: cipher.encrypt(person.documentNumber, `worker.document_number:${workerId}`),
      documentIndex: this.documentIndex(nationality, documentType, person.documentNumber),
      nameIndex: [...new Set([...this.keys.blindIndex.tokens(person.fullName), ...this.keys.blindIndex.tokens(person.fullNameLatin)])],
    };
  }

  open(worker: Worker): PersonDataInClear {
    const cipher = this.keys.fieldCipher;
    return {
      fullName: cipher.decrypt(worker.fullNameEnc, `worker.full_name:${worker.id}`),
      fullNameLatin: cipher.decrypt(worker.fullNameLatinEnc, `worker.full_name_latin:${worker.id}`),
      birthDate: cipher.decrypt(worker.birthDateEnc, `worker.birth_date:${worker.id}`),
      documentNumber: cipher.decrypt(worker.documentNumberEnc, `worker.document_number:${worker.id}`),
    };
  }

  documentIndex(nationality: string, documentType: string, documentNumber: string): string {
    return this.keys.blindIndex.index(`${nationality}|${documentType}|${documentNumber}`);
  }

  /** Index tokens a name query must all match (each word, either script). */
  nameQueryTokens(query: string): string[] {
    const [whole, ...words] = this.keys.blindIndex.tokens(query);
    return words.length ? words : [whole];
  }
}
