import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SERVICE_TYPES = ['employment-services', 'skills-training', 'health', 'psychosocial-support', 'financial-counselling', 'legal-aid'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** A provider of reintegration services that caseworkers refer returnees to. */
@Entity({ name: 'service_provider' })
export class ServiceProvider {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'service_type', type: 'text' }) serviceType: ServiceType;
  @Column({ type: 'text' }) province: string;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
}
