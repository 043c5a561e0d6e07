import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectNodeConfig, type NodeConfig } from '@corridor/config';

/**
 * What every read use case of every service is given: the service's database and the node's
 * configuration (whose corridors decide what an officer may see). Injected as properties, as in
 * WriteUseCase, so a read use case declares a constructor only for what it needs besides them;
 * they are set once the instance is built, so a constructor must not use them.
 *
 *   @Injectable()
 *   export class ReadFeesUseCase extends ReadUseCase {
 *     list(query, officer) { return pageOfRows(this.dataSource.getRepository(Fee).createQueryBuilder('f'), …); }
 *   }
 */
export abstract class ReadUseCase {
  @Inject(DataSource) protected readonly dataSource!: DataSource;
  @InjectNodeConfig() protected readonly config!: NodeConfig;
}
