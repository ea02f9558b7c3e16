/**
 * `npm run rollback [release]`: makes an earlier complete release live again (default: the one just
 * before the live one). One symlink switch; prints what is live now and how long the switch took.
 * `--list` prints the releases kept.
 *
 * A rollback stays until the next release: the publisher builds again only when content changes.
 */
import { parseArgs } from 'node:util';
import {
  defaultLayout,
  listReleases,
  liveReleaseId,
  type ReleaseLayout,
  switchLive,
} from './publisher/releases.ts';

/** Switches the live release back; returns the id now live. */
export async function rollback(layout: ReleaseLayout, target?: string): Promise<string> {
  const releases = listReleases(layout);
  const live = liveReleaseId(layout);
  let id = target;
  if (!id) {
    const index = releases.findIndex((release) => release.id === live);
    const earlier = index === -1 ? undefined : releases[index + 1];
    if (!earlier) {
      throw new Error(
        live
          ? `release ${live} is the oldest one kept: there is nothing to roll back to`
          : 'no release is live',
      );
    }
    id = earlier.id;
  } else if (!releases.some((release) => release.id === id)) {
    throw new Error(
      `no complete release ${id} in ${layout.dir}; kept: ${releases.map((release) => release.id).join(', ') || 'none'}`,
    );
  }
  await switchLive(layout, id);
  return id;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const layout = defaultLayout();
  if (values.help) {
    process.stdout.write(
      'npm run rollback [release-id]   (default: the release before the live one)\nnpm run rollback -- --list\n',
    );
    return;
  }
  if (values.list) {
    const live = liveReleaseId(layout);
    for (const release of listReleases(layout)) {
      process.stdout.write(
        `${release.id === live ? '* ' : '  '}${release.id}  ${release.pages} pages, ${(release.durationMs / 1000).toFixed(1)} s, ${release.skipped.length} skipped, ${release.finishedAt}\n`,
      );
    }
    return;
  }
  const started = performance.now();
  const id = await rollback(layout, positionals[0]);
  process.stdout.write(
    `live now: release ${id} (${layout.dir}/${id}), switched in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`rollback: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
