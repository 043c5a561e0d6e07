import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPrivateBroker, type PrivateBroker } from './private-broker';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const MIRROR_MAKER = path.join(REPO_ROOT, 'infra/kafka/mirror-maker.sh');

/**
 * The national clusters layout of ADR 0022 for one suite: a KH cluster and a TH cluster (private
 * brokers started by infra/kafka/broker.sh with the MirrorMaker principal and only the KH>TH
 * corridor's ACLs) linked by MirrorMaker 2 (infra/kafka/mirror-maker.sh), all on free ports and
 * temporary directories.
 */
export interface NationalClusters {
  kh: PrivateBroker;
  th: PrivateBroker;
  /** MirrorMaker's output (its WARN and ERROR lines, and "Kafka MirrorMaker started"). */
  mirrorMakerLog: string;
  stopMirrorMaker(): Promise<void>;
  startMirrorMaker(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startNationalClusters(): Promise<NationalClusters> {
  const env = { KAFKA_MIRROR_MAKER: '1', CORRIDORS: 'KH>TH' };
  // One after the other, with a generous readiness wait: two JVMs formatting and starting at
  // once on a loaded 2-core machine took longer than broker.sh's own deadline.
  const kh = await startPrivateBroker({ env, readyTimeoutSec: 300 });
  const th = await startPrivateBroker({ env, readyTimeoutSec: 300 }).catch(async (error) => {
    await kh.destroy();
    throw error;
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'corridor-mm2-'));
  const mm2 = (command: 'start' | 'stop') =>
    new Promise<void>((resolve, reject) =>
      execFile(
        'bash',
        [MIRROR_MAKER, command],
        {
          cwd: REPO_ROOT,
          timeout: 600_000,
          env: {
            ...process.env,
            MM2_A: 'KH',
            MM2_B: 'TH',
            MM2_A_BROKERS: kh.brokers.join(','),
            MM2_B_BROKERS: th.brokers.join(','),
            MM2_A_CREDENTIALS: kh.credentialsFile,
            MM2_B_CREDENTIALS: th.credentialsFile,
            MM2_DATA_DIR: dataDir,
          },
        },
        (error, stdout, stderr) => (error ? reject(new Error(`mirror-maker.sh ${command} failed: ${error.message}\n${stdout}${stderr}`)) : resolve()),
      ),
    );
  const clusters: NationalClusters = {
    kh,
    th,
    mirrorMakerLog: path.join(dataDir, 'mirror-maker.out'),
    startMirrorMaker: () => mm2('start'),
    stopMirrorMaker: () => mm2('stop'),
    async destroy() {
      await mm2('stop').catch(() => undefined);
      await Promise.all([kh.destroy(), th.destroy()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await clusters.startMirrorMaker();
  } catch (error) {
    await clusters.destroy();
    throw error;
  }
  return clusters;
}
