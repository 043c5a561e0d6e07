import type { Provider } from '@nestjs/common';
import { CaseTextCipher } from './case-text';
import { PROTECTION_POLICIES, loadProtectionPolicies } from './protection-policy';

/** What every feature of the service is given: the cipher of free text, the policy per destination. */
export const SHARED_PROVIDERS: Provider[] = [CaseTextCipher, { provide: PROTECTION_POLICIES, useFactory: () => loadProtectionPolicies() }];
