import { Injectable } from '@nestjs/common';
import { create, toBinary } from '@bufbuild/protobuf';
import { encodeSealed, normaliseForIndex, sealForCountry, type CountryKeyring } from '@corridor/crypto';
import { PersonDataSchema } from '@corridor/events';
import { InjectPersonDataKeys } from '@corridor/service-runtime';
import { disclosureOf } from './consent';
import type { Worker } from './worker.entity';

/** The worker's person data in clear: exists only in memory, never in a table or an event. */
export interface PersonDataInClear {
  fullName: string;
  fullNameLatin: string;
  birthDate: string;
  documentNumber: string;
}

export interface HomeAddressInClear {
  province: string;
  district: string;
  village?: string;
}

/** Contact details in clear: like the person data, only ever in memory. */
export interface ContactDataInClear {
  phone: string | null;
  homeAddress: HomeAddressInClear | null;
}

type EncryptedColumns = Pick<Worker, 'fullNameEnc' | 'fullNameLatinEnc' | 'birthDateEnc' | 'documentNumberEnc' | 'documentIndex' | 'nameIndex' | 'identityIndex'>;
type EncryptedContactColumns = Pick<Worker, 'phoneEnc' | 'homeAddressEnc'>;

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
      identityIndex: this.identityIndex(person.fullNameLatin, person.birthDate),
    };
  }

  /** Phone and home address (as JSON text), each bound to its row and column like the names. */
  sealContact(workerId: string, contact: { phone?: string | null; homeAddress?: HomeAddressInClear | null }): EncryptedContactColumns {
    const cipher = this.keys.fieldCipher;
    const address = contact.homeAddress
      ? { province: contact.homeAddress.province, district: contact.homeAddress.district, ...(contact.homeAddress.village ? { village: contact.homeAddress.village } : {}) }
      : null;
    return {
      phoneEnc: contact.phone ? cipher.encrypt(contact.phone, `worker.phone:${workerId}`) : null,
      homeAddressEnc: address ? cipher.encrypt(JSON.stringify(address), `worker.home_address:${workerId}`) : null,
    };
  }

  openContact(worker: Pick<Worker, 'id' | 'phoneEnc' | 'homeAddressEnc'>): ContactDataInClear {
    const cipher = this.keys.fieldCipher;
    return {
      phone: worker.phoneEnc ? cipher.decrypt(worker.phoneEnc, `worker.phone:${worker.id}`) : null,
      homeAddress: worker.homeAddressEnc ? (JSON.parse(cipher.decrypt(worker.homeAddressEnc, `worker.home_address:${worker.id}`)) as HomeAddressInClear) : null,
    };
  }

  /**
   * The likely-same-person key: the Latin name, normalised like the name index (case, spacing,
   * diacritics) with its words sorted so that "Sok Dara" and "Dara Sok" agree, then the birth date.
   * The Latin name is enough: every worker has one, transliterations of one native-script name
   * rarely differ once normalised, and a native-script key would add matches only for people
   * whose Latin spelling differs, at the price of a second index. The node registers its own
   * nationals only, so nationality need not be part of it.
   */
  identityIndex(fullNameLatin: string, birthDate: string): string {
    const words = normaliseForIndex(fullNameLatin).split(' ').filter(Boolean).sort();
    return this.keys.blindIndex.index(`${words.join(' ')}|${birthDate}`);
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

  /**
   * What a cross-border event of this journey may carry of the worker: nothing without consent
   * to share; otherwise the person data sealed for the destination country's key, with the
   * journey id bound in so the block cannot be replayed into another journey. What may be
   * disclosed is decided by `disclosureOf` (consent.ts), for nominations and matches alike.
   */
  forDestination(worker: Worker, destination: string): { sealedPersonData: Uint8Array; encryptionKeyId: string; personDataShared: boolean } {
    if (disclosureOf(worker) === 'none') return { sealedPersonData: new Uint8Array(), encryptionKeyId: '', personDataShared: false };
    const recipient = this.keys.publicKeyOf(destination);
    const person = this.open(worker);
    const plain = toBinary(
      PersonDataSchema,
      create(PersonDataSchema, {
        fullName: person.fullName,
        fullNameLatin: person.fullNameLatin,
        birthDate: person.birthDate,
        documentNumber: person.documentNumber,
        documentType: worker.documentType,
        documentExpiry: worker.documentExpiry,
        nationality: worker.nationality,
      }),
    );
    return { sealedPersonData: encodeSealed(sealForCountry(plain, recipient, new TextEncoder().encode(worker.journeyId))), encryptionKeyId: recipient.keyId, personDataShared: true };
  }

  documentIndex(nationality: string, documentType: string, documentNumber: string): string {
    return this.keys.blindIndex.documentIndex(nationality, documentType, documentNumber);
  }

  /**
   * Index tokens a name query must all match: each word, either script; Han, Thai, Lao, Khmer and
   * Myanmar words by their pieces, so part of a name written without spaces finds it too.
   */
  nameQueryTokens(query: string): string[] {
    return this.keys.blindIndex.queryTokens(query);
  }
}
