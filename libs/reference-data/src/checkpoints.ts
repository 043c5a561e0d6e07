/**
 * Border checkpoints per corridor (reference data): where a worker may cross. Codes are stable
 * identifiers used in events; names are in English with the two towns of each side.
 */
export interface Checkpoint {
  code: string;
  name: string;
  /** The corridors ("KH>TH") it serves. */
  corridors: string[];
}

export const CHECKPOINTS: readonly Checkpoint[] = [
  { code: 'KH-TH-POIPET', name: 'Poipet–Aranyaprathet', corridors: ['KH>TH'] },
  { code: 'KH-TH-CHAMYEAM', name: 'Cham Yeam–Hat Lek', corridors: ['KH>TH'] },
  { code: 'KH-TH-OSMACH', name: "O'Smach–Chong Chom", corridors: ['KH>TH'] },
  { code: 'LA-TH-FRIENDSHIP-1', name: 'Friendship Bridge I (Vientiane–Nong Khai)', corridors: ['LA>TH'] },
  { code: 'LA-TH-FRIENDSHIP-2', name: 'Friendship Bridge II (Savannakhet–Mukdahan)', corridors: ['LA>TH'] },
  { code: 'MM-TH-MYAWADDY', name: 'Myawaddy–Mae Sot', corridors: ['MM>TH'] },
  { code: 'MM-TH-KAWTHAUNG', name: 'Kawthaung–Ranong', corridors: ['MM>TH'] },
  { code: 'AIR-BKK', name: 'Suvarnabhumi Airport (Bangkok)', corridors: ['KH>TH', 'LA>TH', 'MM>TH'] },
];

/** The checkpoints of one corridor. */
export function checkpointsOf(origin: string, destination: string): Checkpoint[] {
  return CHECKPOINTS.filter((c) => c.corridors.includes(`${origin}>${destination}`));
}

/** The checkpoints of several corridors (a node's), each once, in the order the corridors list them. */
export function checkpointsOfCorridors(corridors: readonly { origin: string; destination: string }[]): Pick<Checkpoint, 'code' | 'name'>[] {
  const seen = new Map<string, Pick<Checkpoint, 'code' | 'name'>>();
  for (const c of corridors) for (const { code, name } of checkpointsOf(c.origin, c.destination)) if (!seen.has(code)) seen.set(code, { code, name });
  return [...seen.values()];
}

export function isCheckpointOf(code: string, origin: string, destination: string): boolean {
  return checkpointsOf(origin, destination).some((c) => c.code === code);
}
