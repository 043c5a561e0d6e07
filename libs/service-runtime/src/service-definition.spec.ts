import 'reflect-metadata';
import { Entity, PrimaryColumn, type MigrationInterface } from 'typeorm';
import { Module } from '@nestjs/common';
import { assertDistinctTimestamps, collectFeatureTables, CorridorFeature } from './corridor-feature';
import { defineService, serviceConsumerGroup, serviceRootModule } from './service-definition';
import { DEVELOPMENT_JWT_SECRET, loadNodeConfig } from '@corridor/config';

@Entity({ name: 'thing' })
class Thing {
  @PrimaryColumn('uuid') id: string;
}
@Entity({ name: 'other' })
class Other {
  @PrimaryColumn('uuid') id: string;
}
class CreateThings1800000000100 implements MigrationInterface {
  name = 'CreateThings1800000000100';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}
class CreateOthers1800000000050 implements MigrationInterface {
  name = 'CreateOthers1800000000050';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}
class Clash1800000000100 implements MigrationInterface {
  name = 'Clash1800000000100';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

@CorridorFeature({ entities: [Thing], migrations: [CreateThings1800000000100] })
class ThingsModule {}
@CorridorFeature({ entities: [Other, Thing], migrations: [CreateOthers1800000000050, CreateThings1800000000100] })
class OthersModule {}
@Module({})
class PlainModule {}
@Module({})
class SampleServiceModule {}

describe('a service definition', () => {
  it('collects each entity and migration of its features once, migrations in timestamp order', () => {
    const tables = collectFeatureTables([ThingsModule, OthersModule, PlainModule]);
    expect(tables.entities).toEqual([Thing, Other]);
    expect(tables.migrations).toEqual([CreateOthers1800000000050, CreateThings1800000000100]);
  });

  it('refuses two migrations with one timestamp before touching a database', () => {
    expect(() => assertDistinctTimestamps([CreateThings1800000000100, Clash1800000000100])).toThrow(/CreateThings1800000000100 and Clash1800000000100 share the timestamp 1800000000100/);
    expect(() => assertDistinctTimestamps([{ name: 'NoTimestamp' }])).toThrow(/13-digit timestamp/);
  });

  it('roots its features under the service runtime in a module of its own name', () => {
    const config = loadNodeConfig({ COUNTRY: 'KH', JWT_SECRET: DEVELOPMENT_JWT_SECRET, NODE_ENV: 'test', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' });
    const root = serviceRootModule(defineService({ name: 'sample', module: SampleServiceModule, title: 't', description: 'd', features: [ThingsModule], publishesTo: () => [] }), config);
    expect(root.module).toBe(SampleServiceModule);
    expect(root.imports?.slice(1)).toEqual([ThingsModule]);
  });

  it('consumes in "<cc>.<service>" on its own database and in a group of each other database', () => {
    expect(serviceConsumerGroup({ country: 'KH' }, 'recruitment')).toBe('kh.recruitment');
    expect(serviceConsumerGroup({ country: 'KH' }, 'recruitment', 'corridor_kh_recruitment')).toBe('kh.recruitment');
    expect(serviceConsumerGroup({ country: 'CN-YN' }, 'social-protection', 'it_x')).toBe('cn_yn.social-protection.it_x');
  });
});
