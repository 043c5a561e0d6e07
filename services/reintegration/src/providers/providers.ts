import { Body, Injectable, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Access, CurrentOfficer, type Officer } from '@corridor/auth';
import { ApiController, GetPage, IdempotentPost, PageQuery, pageOf, type Page } from '@corridor/http';
import { WriteUseCase } from '@corridor/service-runtime';
import { SERVICE_TYPES, ServiceProvider, type ServiceType } from './service-provider.entity';

export class RegisterServiceProviderCommand {
  @ApiProperty({ example: 'Provincial Training Centre Battambang' }) @IsString() @Length(2, 200) name: string;
  @ApiProperty({ enum: SERVICE_TYPES }) @IsIn(SERVICE_TYPES) serviceType: ServiceType;
  @ApiProperty({ example: 'Battambang' }) @IsString() @Length(2, 100) province: string;
}

export class ListServiceProvidersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_TYPES }) @IsOptional() @IsIn(SERVICE_TYPES) serviceType?: ServiceType;
}

export class ServiceProviderView {
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType: string;
  @ApiProperty() province: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
}

const view = (p: ServiceProvider): ServiceProviderView => ({ providerId: p.id, name: p.name, serviceType: p.serviceType, province: p.province, registeredAt: p.registeredAt.toISOString() });

/** The registry of service providers, by type of service. */
@Injectable()
export class ServiceProvidersUseCase extends WriteUseCase {
  register(command: RegisterServiceProviderCommand, officer: Officer): Promise<ServiceProviderView> {
    return this.outbox.transaction(async ({ manager }) => {
      const provider = manager.create(ServiceProvider, { id: uuidv7(), ...command, registeredAt: new Date() });
      await manager.insert(ServiceProvider, provider);
      await this.audit.record(manager, { actor: officer, action: 'service-provider.register', targetType: 'service-provider', targetId: provider.id, reason: `${command.serviceType} provider` });
      return view(provider);
    });
  }
}

@Injectable()
export class ReadServiceProvidersUseCase {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: ListServiceProvidersQuery): Promise<Page<ServiceProviderView>> {
    const { limit, offset } = pageOf(query);
    const [rows, total] = await this.dataSource.getRepository(ServiceProvider).findAndCount({
      where: query.serviceType ? { serviceType: query.serviceType } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(view), total, limit, offset };
  }
}

@ApiController('api/v1/service-providers', { tag: 'service-providers', forbidden: 'Another country, or a role that may not' })
export class ServiceProvidersController {
  constructor(
    private readonly providers: ServiceProvidersUseCase,
    private readonly read: ReadServiceProvidersUseCase,
  ) {}

  @Access('service-provider.register')
  @IdempotentPost({ answers: ServiceProviderView, description: 'The provider is in the registry' })
  register(@Body() command: RegisterServiceProviderCommand, @CurrentOfficer() officer: Officer): Promise<ServiceProviderView> {
    return this.providers.register(command, officer);
  }

  @Access('service-provider.read')
  @GetPage({ answers: ServiceProviderView, description: 'Providers by name; filter by type of service' })
  list(@Query() query: ListServiceProvidersQuery): Promise<Page<ServiceProviderView>> {
    return this.read.list(query);
  }
}
