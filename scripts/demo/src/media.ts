/**
 * Images of the demo city, made locally: the landscapes of scenes.ts and abstract portrait silhouettes
 * drawn as SVG and rendered to JPEG by sharp; and the writer of every media and attachment file
 * (attachments.ts). No fonts and no downloads are needed, and the same seed gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Media } from '@govcluster/shared/schemas';
import sharp from 'sharp';
import type { AttachmentFile } from './attachments.ts';
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
 * The media of a run: every scene in every palette (40 landscapes) and eight portraits.
 * Their content depends only on the seed.
 */
export function planMedia(seed: number): {
  items: MediaItem[];
  landscapes: LandscapeIndex;
  portraits: string[];
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
  const portraits: string[] = [];
  const backgrounds: [string, string][] = [
    ['#dfe7ef', '#b9c8d8'],
    ['#e6e2dc', '#c7beb2'],
    ['#dde8e3', '#b5cbc0'],
    ['#e4e4ea', '#c1c1cf'],
  ];
  for (let i = 0; i < 8; i += 1) {
    n += 1;
    const id = `img-${String(n).padStart(4, '0')}`;
    const rng = createRng(seed, `media/portrait/${i}`);
    const { width: w, height: h } = portraitSize;
    const bg = backgrounds[i % backgrounds.length] ?? ['#dfe7ef', '#b9c8d8'];
    const suit = rng.pick(['#2d3a4a', '#33363d', '#3a4255', '#2f3f3a']);
    const hair = i % 2 === 0 ? '#1f1f24' : '#2b2522';
    const female = i % 4 === 3;
    const inner = `<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg[0]}"/><stop offset="1" stop-color="${bg[1]}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#b)"/><path d="M${w * 0.08} ${h} Q${w * 0.12} ${h * 0.66} ${w * 0.5} ${h * 0.62} Q${w * 0.88} ${h * 0.66} ${w * 0.92} ${h} Z" fill="${suit}"/><path d="M${w * 0.42} ${h * 0.63} L${w * 0.5} ${h * 0.8} L${w * 0.58} ${h * 0.63} Z" fill="#f4f4f4"/>${female ? `<ellipse cx="${w * 0.5}" cy="${h * 0.42}" rx="${w * 0.21}" ry="${h * 0.2}" fill="${hair}"/>` : ''}<rect x="${w * 0.44}" y="${h * 0.5}" width="${w * 0.12}" height="${h * 0.12}" fill="#d9b8a0"/><ellipse cx="${w * 0.5}" cy="${h * 0.38}" rx="${w * 0.17}" ry="${h * 0.16}" fill="#e2c2a8"/><path d="M${w * 0.33} ${h * 0.36} Q${w * 0.34} ${h * 0.2} ${w * 0.5} ${h * 0.2} Q${w * 0.66} ${h * 0.2} ${w * 0.67} ${h * 0.36} Q${w * 0.6} ${h * 0.27} ${w * 0.5} ${h * 0.27} Q${w * 0.4} ${h * 0.27} ${w * 0.33} ${h * 0.36} Z" fill="${hair}"/>`;
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
      render: () => toJpeg(svg(w, h, inner)),
    });
    portraits.push(id);
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
