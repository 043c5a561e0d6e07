import { Injectable } from '@nestjs/common';
import type { CountryKeyring } from '@corridor/crypto';
import { pageOfRows, type Page } from '@corridor/http';
import { InjectPersonDataKeys, ReadUseCase } from '@corridor/service-runtime';
import type { ListDeploymentsQuery } from './deployment.commands';
import { Deployment } from './deployment.entity';
import { DeploymentNotFound } from './deployment.errors';
import { deploymentView, type DeploymentIdentityView, type DeploymentView } from './deployment.views';

/** The deployments this node holds (its own steps and the other end's alike). */
@Injectable()
export class ReadDeploymentsUseCase extends ReadUseCase {
  constructor(@InjectPersonDataKeys() private readonly keys: CountryKeyring) {
    super();
  }

  /** The access guard has decided who may see it (deployment-access.ts). */
  async one(journeyId: string): Promise<DeploymentView> {
    const d = await this.dataSource.getRepository(Deployment).findOneBy({ journeyId });
    if (!d) throw new DeploymentNotFound(journeyId);
    return deploymentView(d, this.identityOf(d));
  }

  list(query: ListDeploymentsQuery): Promise<Page<DeploymentView>> {
    const q = this.dataSource.getRepository(Deployment).createQueryBuilder('d');
    if (query.status) q.andWhere('d.status = :status', { status: query.status });
    if (query.flag) q.andWhere('d.flags @> :flag::jsonb', { flag: JSON.stringify([{ kind: query.flag }]) });
    if (query.checkpoint) q.andWhere('(d.checkpoint = :checkpoint OR d.planned_checkpoint = :checkpoint)', { checkpoint: query.checkpoint });
    if (query.from) q.andWhere('d.valid_from >= :from', { from: query.from });
    if (query.to) q.andWhere('d.valid_from <= :to', { to: query.to });
    return pageOfRows(q.orderBy('d.cleared_at', 'DESC').addOrderBy('d.journey_id', 'ASC'), query, (d) => deploymentView(d));
  }

  private identityOf(d: Deployment): DeploymentIdentityView | undefined {
    return d.personData ? (JSON.parse(this.keys.fieldCipher.decrypt(d.personData, d.journeyId)) as DeploymentIdentityView) : undefined;
  }
}
