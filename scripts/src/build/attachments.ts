/**
 * The attachment files a release serves beside its pages: from the snapshot folder, or downloaded from
 * the CMS (only those the built pages link to).
 * @module
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** Copies the attachments the snapshot's entries name into the output, at the same relative path. */
export async function copyAttachments(snapshot: string, outDir: string): Promise<number> {
  const files = new Set<string>();
  const lines = createInterface({ input: createReadStream(path.join(snapshot, 'snapshot.jsonl'), 'utf8') });
  for await (const line of lines) {
    if (!line.includes('"attachments"')) continue;
    const record = JSON.parse(line) as { attachments?: { file: string }[] };
    for (const attachment of record.attachments ?? []) files.add(attachment.file);
  }
  for (const file of files) {
    const from = path.join(snapshot, file);
    if (file.includes('..') || !existsSync(from)) continue;
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await copyFile(from, path.join(outDir, file));
  }
  return files.size;
}

/** Every HTML file under `dir` (not `_astro/` or `pagefind/`). */
function htmlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '_astro' && entry.name !== 'pagefind') htmlFiles(full, out);
    } else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/**
 * A build from the CMS links attachments at the CMS's upload path (`/uploads/<file>`); the files the
 * pages link to (so only those of published entries) are downloaded from the CMS into the output.
 */
export async function copyCmsAttachments(
  cmsUrl: string,
  token: string | undefined,
  outDir: string,
  previous: string | undefined,
): Promise<number> {
  const origin = cmsUrl.replace(/\/+$/, '').replace(/\/api$/, '');
  const files = new Set<string>();
  for (const file of htmlFiles(outDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/href="\/(uploads\/[^"?#]+)"/g)) {
      const link = match[1] as string;
      if (!link.includes('..')) files.add(link);
    }
  }
  for (const file of files) {
    // Strapi names an upload by its hash: a file the previous release has is the same file.
    if (previous && existsSync(path.join(previous, file))) {
      await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
      await copyFile(path.join(previous, file), path.join(outDir, file));
      continue;
    }
    const response = await fetch(`${origin}/${file}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new Error(`The CMS answered ${response.status} for /${file}`);
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), Buffer.from(await response.arrayBuffer()));
  }
  return files.size;
}
