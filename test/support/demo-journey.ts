import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- suites run the demo's own flow (a tool, not a lib), so the two cannot drift
import { demoFlow, useDemoTransport, type DemoRun, type DemoTransport } from '../../tools/demo/demo';
import type { CountryNode } from './country-nodes';

/** Every service of a node the suite started, by its platform-layout name. */
export function servicesOf(node: CountryNode): Record<string, INestApplication> {
  return { recruitment: node.recruitment, journey: node.journey, ...(node.contracts ? { contracts: node.contracts } : {}), ...node.stages };
}

/** The demo's calls made on the suite's in-process nodes (supertest), not over the network. */
export function inProcess(nodes: Record<string, CountryNode>): DemoTransport {
  return async (method, country, service, url, bearer, body) => {
    const app = nodes[country] && servicesOf(nodes[country])[service];
    if (!app) throw new Error(`the demo calls ${country} ${service}, which this suite does not start (test/support/country-nodes.ts)`);
    const verb = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let call = request(app.getHttpServer())[verb](url).set('Authorization', `Bearer ${bearer}`);
    if (body !== undefined) call = call.send(body as object);
    const response = await call;
    return { status: response.status, body: response.body ?? {} };
  };
}

/** The demo's whole journey (registration → … → return and the caseworker's first steps) on these nodes; its log in the error when a step fails. */
export async function demoJourney(nodes: Record<string, CountryNode>): Promise<DemoRun> {
  const flowLog: string[] = [];
  useDemoTransport(inProcess(nodes), (line) => flowLog.push(line));
  return demoFlow().catch((error: Error) => {
    throw new Error(`${error.message}\n${flowLog.join('\n')}`);
  });
}
