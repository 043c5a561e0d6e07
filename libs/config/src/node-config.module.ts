import { Inject, Module, type DynamicModule } from '@nestjs/common';
import type { NodeConfig } from './node-config';

export const NODE_CONFIG = Symbol('NODE_CONFIG');

/** Injects the country node's configuration: `@InjectNodeConfig() config: NodeConfig`. */
export const InjectNodeConfig = () => Inject(NODE_CONFIG);

@Module({})
export class NodeConfigModule {
  static forRoot(config: NodeConfig): DynamicModule {
    return { module: NodeConfigModule, global: true, providers: [{ provide: NODE_CONFIG, useValue: config }], exports: [NODE_CONFIG] };
  }
}
