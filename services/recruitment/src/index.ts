// What tools and cross-service end-to-end tests may use of this service; services never import it.
export { createRecruitmentApp } from './recruitment.app';
export type { RecruitmentRuntime } from './recruitment.module';
