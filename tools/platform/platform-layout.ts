/** Where each service of each country node listens when the platform runs on one machine. */
export const PLATFORM_NODES = [
  { country: 'KH', portBase: 3100 },
  { country: 'TH', portBase: 3200 },
  // LA has its own corridor to TH but none with KH: it shares the cluster and must see nothing of KH→TH.
  { country: 'LA', portBase: 3400 },
] as const;

export const PLATFORM_SERVICES = [
  { name: 'recruitment', portOffset: 1, main: 'services/recruitment/src/main.ts' },
  { name: 'contracts', portOffset: 2, main: 'services/contracts/src/main.ts' },
  { name: 'journey', portOffset: 6, main: 'services/journey/src/main.ts' },
] as const;

export const PLATFORM_CORRIDORS = 'KH>TH,LA>TH';

export type ServiceName = (typeof PLATFORM_SERVICES)[number]['name'];

export function serviceUrl(country: string, service: ServiceName): string {
  const node = PLATFORM_NODES.find((n) => n.country === country);
  const spec = PLATFORM_SERVICES.find((s) => s.name === service);
  if (!node || !spec) throw new Error(`no ${service} service for ${country} in this platform`);
  const override = process.env[`CORRIDOR_${country}_${service.toUpperCase()}_URL`];
  return override ?? `http://127.0.0.1:${node.portBase + spec.portOffset}`;
}
