import { Injectable } from '@nestjs/common';
import { NotFoundProblem } from '@corridor/http';
import { isoDay } from '@corridor/reference-data';
import { ReadUseCase } from '@corridor/service-runtime';
import { nodeMinCell, statEvents } from '../statistics/read-statistics.usecase';
import { agencyRecord } from './agency-record.rules';
import { PublicAgency } from './public-agency.entity';
import type { PublicAgencyView, PublicAgencyWithRecordView } from './public-agency.views';

const SEARCH_LIMIT = 20;

/** The public register: search by name or licence number, and one agency with its record. */
@Injectable()
export class ReadPublicAgenciesUseCase extends ReadUseCase {
  async search(q: string, today = isoDay()): Promise<PublicAgencyView[]> {
    const text = q.trim();
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.dataSource
      .getRepository(PublicAgency)
      .createQueryBuilder('a')
      .where('a.name ILIKE :like OR upper(a.licence_number) = upper(:text)', { like, text })
      .orderBy('a.name', 'ASC')
      .addOrderBy('a.licence_number', 'ASC')
      .take(SEARCH_LIMIT)
      .getMany();
    return rows.map((a) => view(a, today));
  }

  /** An unknown licence number is a 404 like any other; the record counts only what the events say. */
  async one(licenceNumber: string, today = isoDay()): Promise<PublicAgencyWithRecordView> {
    const agency = await this.dataSource.getRepository(PublicAgency).createQueryBuilder('a').where('upper(a.licence_number) = upper(:n)', { n: licenceNumber }).getOne();
    if (!agency) throw new NotFoundProblem('agency', licenceNumber);
    return { ...view(agency, today), record: agencyRecord(await statEvents(this.dataSource, agency.agencyId), today, nodeMinCell()) };
  }
}

function view(a: PublicAgency, today: string): PublicAgencyView {
  return {
    name: a.name,
    licenceNumber: a.licenceNumber,
    status: a.status,
    licenceValidFrom: a.licenceValidFrom,
    licenceValidTo: a.licenceValidTo,
    statusSince: a.statusSince,
    mayRecruitToday: a.status === 'licensed' && a.licenceValidFrom <= today && today <= a.licenceValidTo,
  };
}
