import { Global, Module } from '@nestjs/common';
import { AGENCY_DIRECTORY } from '@corridor/auth';
import { LicensedAgencies, RecruitmentOwners } from './recruitment-owners';

/** What the access guard needs from recruitment: object owners, and the agencies this node licenses. */
@Global()
@Module({
  providers: [RecruitmentOwners, LicensedAgencies, { provide: AGENCY_DIRECTORY, useExisting: LicensedAgencies }],
  exports: [AGENCY_DIRECTORY],
})
export class RecruitmentAccessModule {}
