import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidPeriod } from '@corridor/http';
import { AuditEntry } from './audit-entry.entity';
import { AUDIT_PAGE_DEFAULT, type AuditQueryDto } from './audit.commands';
import { toAuditEntryView, type AuditPage, type AuditVerifyView } from './audit-views';
import { verifyAuditChain } from './verify-audit-chain';

/** What auditors read: the log filtered and paged newest first, and the chain check. */
@Injectable()
export class AuditLogQuery {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AuditQueryDto): Promise<AuditPage> {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && from >= to) {
      throw new InvalidPeriod('to', query.from!, query.to!, 'from');
    }
    const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
    const select = this.dataSource.getRepository(AuditEntry).createQueryBuilder('a');
    if (query.actorOfficer) select.andWhere('a.actorOfficer = :actorOfficer', { actorOfficer: query.actorOfficer });
    if (query.targetType) select.andWhere('a.targetType = :targetType', { targetType: query.targetType });
    if (query.targetId) select.andWhere('a.targetId = :targetId', { targetId: query.targetId });
    if (query.action) select.andWhere('a.action = :action', { action: query.action });
    if (from) select.andWhere('a.recordedAt >= :from', { from });
    if (to) select.andWhere('a.recordedAt < :to', { to });
    // Keyset paging on entry_id (every entry has one from its insert): stable while new entries arrive, unlike an offset.
    if (query.cursor) select.andWhere('a.entryId < :cursor', { cursor: String(query.cursor) });
    // One more than asked tells whether an older page exists without a count.
    const found = await select.orderBy('a.entryId', 'DESC').limit(limit + 1).getMany();
    const entries = found.slice(0, limit).map(toAuditEntryView);
    return { entries, nextCursor: found.length > limit ? entries[entries.length - 1].entryId : null };
  }

  async verify(): Promise<AuditVerifyView> {
    const report = await verifyAuditChain(this.dataSource);
    return { ...report, unsealed: report.unsealed ?? { count: 0, overdue: 0 }, intact: report.problems.length === 0 };
  }
}
