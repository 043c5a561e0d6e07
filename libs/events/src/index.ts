export * from './generated/corridor/v1/common_pb';
export * from './generated/corridor/v1/recruitment_pb';
export * from './generated/corridor/v1/contracts_pb';
export * from './topics';
export * from './event-registry';
export * from './envelope-codec';
export * from './event-builder';
