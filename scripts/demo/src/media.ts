/**
 * Images of the demo city, made locally: the landscapes of scenes.ts and the portrait silhouettes of
 * portraits.ts, drawn as SVG and rendered to JPEG by sharp; and the writer of every media and attachment file
 * (attachments.ts). No download is needed, and the same seed gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Media } from '@govcluster/shared/schemas';
import sharp from 'sharp';
import type { AttachmentFile } from './attachments.ts';
import { drawPortrait, lookPoolKey, portraitLooks } from './portraits.ts';
import { createRng } from './prng.ts';
import { palettes, scenes } from './scenes.ts';

/** A media file to write and the record that describes it. */
export interface MediaItem {
  /** The media record (without `type`). */
  record: Media;
  /** Renders the file's bytes. */
  render: () => Promise<Buffer>;
  /** What the image is of. */
  kind: 'landscape' | 'portrait';
}

const landscapeSize = { width: 800, height: 450 };
const portraitSize = { width: 300, height: 400 };

function svg(w: number, h: number, inner: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${inner}</svg>`,
  );
}

async function toJpeg(image: Buffer): Promise<Buffer> {
  return sharp(image).jpeg({ quality: 74, chromaSubsampling: '4:2:0' }).toBuffer();
}

/** Landscape ids by scene key, for content that wants a matching picture. */
export type LandscapeIndex = Map<string, string[]>;

/**
 * The media of a run: every scene in every palette (40 landscapes) and twelve portraits (portraits.ts).
 * Their content depends only on the seed.
 */
export function planMedia(seed: number): {
  items: MediaItem[];
  landscapes: LandscapeIndex;
  /** Portrait ids by pool (`portraitPoolKey`: gender and age band). */
  portraits: Map<string, string[]>;
} {
  const items: MediaItem[] = [];
  const landscapes: LandscapeIndex = new Map();
  let n = 0;
  for (const scene of scenes) {
    for (const palette of palettes) {
      n += 1;
      const id = `img-${String(n).padStart(4, '0')}`;
      const rng = createRng(seed, `media/${scene.key}/${palette.key}`);
      const { width, height } = landscapeSize;
      items.push({
        kind: 'landscape',
        record: {
          id,
          file: `media/${id}.jpg`,
          width,
          height,
          mime: 'image/jpeg',
          alt: {
            'zh-CN': `${palette.zh}的${scene.zh.startsWith('临江') || scene.zh.startsWith('云江') || scene.zh.startsWith('南湖') || scene.zh.startsWith('滨江') ? '' : '临江'}${scene.zh}`,
            en: `${scene.en} ${palette.en}`,
            ru: `${scene.ru} ${palette.ru}`,
          },
        },
        render: () => toJpeg(svg(width, height, scene.draw(rng, palette, width, height))),
      });
      const list = landscapes.get(scene.key) ?? [];
      list.push(id);
      landscapes.set(scene.key, list);
    }
  }
  const portraits = new Map<string, string[]>();
  for (const [i, look] of portraitLooks.entries()) {
    n += 1;
    const id = `img-${String(n).padStart(4, '0')}`;
    const rng = createRng(seed, `media/portrait/${i}`);
    const { width: w, height: h } = portraitSize;
    items.push({
      kind: 'portrait',
      record: {
        id,
        file: `media/${id}.jpg`,
        width: w,
        height: h,
        mime: 'image/jpeg',
        alt: {
          'zh-CN': '领导同志照片（示意图）',
          en: 'Portrait (illustration)',
          ru: 'Портрет (иллюстрация)',
        },
      },
      render: () => toJpeg(svg(w, h, drawPortrait(rng, look, w, h))),
    });
    const key = lookPoolKey(look);
    portraits.set(key, [...(portraits.get(key) ?? []), id]);
  }
  return { items, landscapes, portraits };
}

/** Writes every media and attachment file into `dir` (the snapshot's temporary media folder). */
export async function writeMediaFiles(
  dir: string,
  items: readonly MediaItem[],
  attachments: readonly AttachmentFile[],
): Promise<number> {
  let bytes = 0;
  for (const item of items) {
    const data = await item.render();
    bytes += data.length;
    await writeFile(join(dir, item.record.file.replace(/^media\//, '')), data);
  }
  for (const attachment of attachments) {
    bytes += attachment.size;
    await writeFile(join(dir, attachment.file.replace(/^media\//, '')), attachment.bytes);
  }
  return bytes;
}
