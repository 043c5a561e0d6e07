import { createRegistry, type DescMessage } from '@bufbuild/protobuf';
import { file_corridor_v1_common } from './generated/corridor/v1/common_pb';
import { file_corridor_v1_contracts } from './generated/corridor/v1/contracts_pb';
import { file_corridor_v1_deployment } from './generated/corridor/v1/deployment_pb';
import { file_corridor_v1_recruitment } from './generated/corridor/v1/recruitment_pb';
import { file_corridor_v1_reintegration } from './generated/corridor/v1/reintegration_pb';
import { file_corridor_v1_social_protection } from './generated/corridor/v1/social_protection_pb';

/** Every event message this build knows; a consumer skips types it does not find here. */
export const eventRegistry = createRegistry(
  file_corridor_v1_common,
  file_corridor_v1_recruitment,
  file_corridor_v1_contracts,
  file_corridor_v1_deployment,
  file_corridor_v1_reintegration,
  file_corridor_v1_social_protection,
);

export function findEventSchema(eventType: string): DescMessage | undefined {
  return eventRegistry.getMessage(eventType);
}
