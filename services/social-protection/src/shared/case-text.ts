import { Injectable } from '@nestjs/common';
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { encodeSealed, openSealed, sealForCountry, type CountryKeyring } from '@corridor/crypto';
import { CaseTextSchema } from '@corridor/events';
import { InjectPersonDataKeys } from '@corridor/service-runtime';
import { otherEnd, type OnCorridor } from './journey-corridor';

/**
 * Free text about a worker (a grievance's description, a case note, a member number) may hold
 * person data (ADR 0005): at rest it is a column encrypted with the node's field key, bound to its
 * row and column; in an event it is a CaseText sealed for the other end of the corridor with the
 * journey id as associated data (social_protection.proto), so no third country can read it.
 */
export interface SealedCaseText {
  sealedCaseText: Uint8Array;
  encryptionKeyId: string | undefined;
}

@Injectable()
export class CaseTextCipher {
  constructor(@InjectPersonDataKeys() private readonly keys: CountryKeyring) {}

  /** The column value for `text` in row `id`'s `column` (e.g. grievance.description). */
  atRest(text: string, column: string, id: string): string {
    return this.keys.fieldCipher.encrypt(text, `${column}:${id}`);
  }

  inClear(stored: string, column: string, id: string): string {
    return this.keys.fieldCipher.decrypt(stored, `${column}:${id}`);
  }

  /**
   * The `sealed_case_text` of an event this node records, sealed for the other end (empty bytes
   * for no text), and the recipient key id for the envelope's encryption_key_id.
   */
  sealForOtherEnd(text: string | null | undefined, journeyId: string, record: OnCorridor): SealedCaseText {
    if (!text) return { sealedCaseText: new Uint8Array(), encryptionKeyId: undefined };
    const plain = toBinary(CaseTextSchema, create(CaseTextSchema, { text }));
    const recipient = this.keys.publicKeyOf(otherEnd(this.keys.country, record));
    return { sealedCaseText: encodeSealed(sealForCountry(plain, recipient, new TextEncoder().encode(journeyId))), encryptionKeyId: recipient.keyId };
  }

  /** The text of an event the other end recorded, sealed for this node; null when it carried none. */
  openFromEvent(sealed: Uint8Array, journeyId: string): string | null {
    if (!sealed.length) return null;
    return fromBinary(CaseTextSchema, openSealed(sealed, this.keys.privateTransitKeys, new TextEncoder().encode(journeyId))).text;
  }
}
