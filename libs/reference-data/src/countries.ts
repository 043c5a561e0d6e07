/**
 * Countries (and the two Chinese provinces) that run a Corridor node. Yunnan and Guangxi use
 * their ISO 3166-2 codes because they are nodes of their own in the GMS cooperation.
 */
export const GMS_NODES = {
  KH: 'Cambodia',
  LA: 'Lao PDR',
  MM: 'Myanmar',
  TH: 'Thailand',
  VN: 'Viet Nam',
  'CN-YN': 'Yunnan (China)',
  'CN-GX': 'Guangxi (China)',
} as const;

export type NodeCountry = keyof typeof GMS_NODES;
export const NODE_COUNTRIES = Object.keys(GMS_NODES) as NodeCountry[];

export function isNodeCountry(code: string): code is NodeCountry {
  return Object.prototype.hasOwnProperty.call(GMS_NODES, code);
}
