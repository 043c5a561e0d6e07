// The workspace's local Nx plugin (@corridor/tools, see tools/package.json): its generators.
export { default as stageServiceGenerator } from './stage-service/generator';
