/**
 * The publishers' shared queue on PostgreSQL (ADR 24), through pg-boss: with `DATABASE_URL` on
 * PostgreSQL every publisher process, on one machine or several, takes builds and build parts from it.
 *
 * - `govcluster-build` is a `stately` queue: at most one build is active and one waits, so notices that
 *   arrive during a build collapse into the next one, and no two builds of the releases run at once.
 * - `govcluster-build-part` holds the Astro partitions of the build under way; any publisher runs them.
 * - Both have a heartbeat: a process that dies stops sending it, and the job goes to another process
 *   within `heartbeatSeconds` plus one supervision pass.
 * @module
 */
import os from 'node:os';
import { PgBoss } from 'pg-boss';
import type { PartResult, PartSpec } from '../lib/partitioned-build.ts';

const buildQueue = 'govcluster-build';
const partQueue = 'govcluster-build-part';

/** A build request as it sits in the queue. */
export interface BuildJob {
  changes: string[];
  force: boolean;
}

/** Who ran a part, as the coordinator records it. */
export interface PartRun extends PartResult {
  index: number;
  worker: string;
}

/** Options of {@link openSharedQueue}. */
export interface SharedQueueOptions {
  databaseUrl: string;
  /** Seconds without a heartbeat after which a job goes to another process (pg-boss minimum 10). */
  heartbeatSeconds?: number;
  /** Seconds between the checks that find jobs without a heartbeat (default 5). */
  superviseSeconds?: number;
  /** Parts this process runs at once (default: its cores, at most four). */
  partConcurrency?: number;
  log?: (line: string) => void;
}

/** The shared queue, opened. */
export interface SharedQueue {
  /** This process, as it appears in part records: `host:pid`. */
  readonly worker: string;
  /** Queues a build; false when one already waits (it will read everything this change made). */
  requestBuild(job: BuildJob, delaySeconds?: number): Promise<boolean>;
  /** Takes builds, one at a time. A handler that throws leaves the job to be retried. */
  workBuilds(handler: (job: BuildJob) => Promise<void>): Promise<void>;
  /** Takes build parts (up to `partConcurrency` at once). */
  workParts(handler: (part: PartSpec) => Promise<PartResult>): Promise<void>;
  /** Sends a part and waits until some publisher has run it. */
  runPart(part: PartSpec, build: string): Promise<PartRun>;
  /** The builds waiting in the whole group of publishers (not the one running). */
  queued(): Promise<BuildJob[]>;
  stop(): Promise<void>;
}

/** Whether a database URL names PostgreSQL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return Boolean(url && /^postgres(ql)?:\/\//i.test(url));
}

/** Connects to the queue, creating its tables and queues on first use. */
export async function openSharedQueue(options: SharedQueueOptions): Promise<SharedQueue> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[publisher] ${line}\n`));
  const heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 10);
  const worker = `${os.hostname()}:${process.pid}`;
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: 'govcluster_publisher',
    superviseIntervalSeconds: options.superviseSeconds ?? 5,
    monitorIntervalSeconds: options.superviseSeconds ?? 5,
  });
  boss.on('error', (error: Error) => log(`shared queue: ${error.message}`));
  await boss.start();
  const common = {
    heartbeatSeconds,
    // A build of 100,000 pages takes minutes; an attempt older than this is abandoned.
    expireInSeconds: 3_600,
    retryLimit: 100,
    retryDelay: 1,
    notify: true,
  };
  // Two publishers starting together may both create a queue: the one that loses finds it there.
  const ensureQueue = async (name: string, settings: Parameters<PgBoss['createQueue']>[1]) => {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, settings);
    } catch (error) {
      if (!(await boss.getQueue(name))) throw error;
    }
  };
  await ensureQueue(buildQueue, { ...common, policy: 'stately' });
  await ensureQueue(partQueue, { ...common, retryLimit: 3 });
  const partConcurrency = options.partConcurrency ?? Math.min(4, os.availableParallelism());
  const polling = { pollingIntervalSeconds: 1 };

  return {
    worker,
    async requestBuild(job, delaySeconds = 0) {
      const id = await boss.send(buildQueue, job, delaySeconds > 0 ? { startAfter: delaySeconds } : {});
      return id !== null;
    },
    async workBuilds(handler) {
      await boss.work<BuildJob>(buildQueue, { ...polling, batchSize: 1 }, async ([job]) => {
        if (job) await handler(job.data);
      });
    },
    async workParts(handler) {
      await boss.work<PartSpec>(
        partQueue,
        { ...polling, batchSize: 1, localConcurrency: partConcurrency },
        async ([job]) => {
          if (!job) return;
          const result = await handler(job.data);
          if (result.code !== 0) throw new Error(`part ${job.data.index} ended with code ${result.code}`);
          return { ...result, index: job.data.index, worker } satisfies PartRun;
        },
      );
    },
    async runPart(part, build) {
      const id = await boss.send(partQueue, part, { singletonKey: `${build}:${part.index}` });
      if (!id) throw new Error(`part ${part.index} of ${build} is already queued`);
      for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
        const [job] = await boss.findJobs<PartSpec>(partQueue, { id });
        if (!job) throw new Error(`part ${part.index} of ${build} left the queue`);
        if (job.state === 'completed') return job.output as unknown as PartRun;
        if (job.state === 'failed' || job.state === 'cancelled') {
          const output = job.output as { message?: string } | null;
          return {
            index: part.index,
            worker: output?.message ?? job.state,
            code: 1,
            wallMs: 0,
            peakRssBytes: 0,
          };
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    async queued() {
      return (await boss.findJobs<BuildJob>(buildQueue, { queued: true })).map((job) => job.data);
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
}
