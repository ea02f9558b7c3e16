/**
 * Images and attachments of the demo city, made locally: landscape-like compositions and abstract
 * portrait silhouettes drawn as SVG and rendered to JPEG by sharp, and small PDF forms written by hand.
 * No fonts and no downloads are needed, and the same seed gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Media } from '@govcluster/shared/schemas';
import sharp from 'sharp';
import { createRng, type Rng } from './prng.ts';

interface Palette {
  key: string;
  zh: string;
  en: string;
  ru: string;
  sky: [string, string];
  sun: string;
  far: string;
  near: string;
  water: [string, string];
  green: [string, string];
}

const palettes: readonly Palette[] = [
  {
    key: 'dawn',
    zh: '清晨',
    en: 'at dawn',
    ru: 'на рассвете',
    sky: ['#f6d5c3', '#fbeee0'],
    sun: '#ffd9a0',
    far: '#b7a9c4',
    near: '#6f6a8f',
    water: ['#d9c7d6', '#8d8fb0'],
    green: ['#8fae8b', '#5f8565'],
  },
  {
    key: 'noon',
    zh: '正午',
    en: 'at midday',
    ru: 'в полдень',
    sky: ['#7fb3e6', '#d6ebfa'],
    sun: '#fff6d6',
    far: '#8fb0c8',
    near: '#4f7a6a',
    water: ['#6aa6cf', '#2f6f98'],
    green: ['#8cc084', '#4e8a4f'],
  },
  {
    key: 'dusk',
    zh: '黄昏',
    en: 'at dusk',
    ru: 'на закате',
    sky: ['#e98a5f', '#f8c98e'],
    sun: '#ffe2a8',
    far: '#a8627a',
    near: '#5b3652',
    water: ['#d98a6d', '#6b3c57'],
    green: ['#9a8a55', '#5c5a3a'],
  },
  {
    key: 'rain',
    zh: '雨后',
    en: 'after the rain',
    ru: 'после дождя',
    sky: ['#a7b8c2', '#dde5e8'],
    sun: '#f1f4f2',
    far: '#9aaeb0',
    near: '#5d7875',
    water: ['#9fb7bb', '#58757a'],
    green: ['#86a98e', '#4d7560'],
  },
  {
    key: 'autumn',
    zh: '秋日',
    en: 'in autumn',
    ru: 'осенью',
    sky: ['#9cc3dc', '#f0e6cf'],
    sun: '#fff1c9',
    far: '#c2a27a',
    near: '#8a5a36',
    water: ['#8fb4c2', '#4f7382'],
    green: ['#d0a14b', '#9c6a2c'],
  },
];

interface Scene {
  key: string;
  zh: string;
  en: string;
  ru: string;
  draw: (rng: Rng, p: Palette, w: number, h: number) => string;
}

function ridge(rng: Rng, w: number, base: number, amp: number, steps: number): string {
  const pts: string[] = [`M0 ${base}`];
  let prevX = 0;
  let prevY = base;
  for (let i = 1; i <= steps; i += 1) {
    const x = Math.round((w * i) / steps);
    const y = Math.round(base - amp * (0.3 + 0.7 * rng.next()));
    const cx = Math.round((prevX + x) / 2);
    pts.push(`Q${cx} ${Math.round(Math.min(prevY, y) - amp * 0.25 * rng.next())} ${x} ${y}`);
    prevX = x;
    prevY = y;
  }
  return pts.join(' ');
}

function mountains(rng: Rng, p: Palette, w: number, h: number, layers: number, top: number): string {
  const out: string[] = [];
  for (let i = 0; i < layers; i += 1) {
    const base = Math.round(top + ((h - top) * (i + 1)) / (layers + 1));
    const color = i === layers - 1 ? p.near : p.far;
    const opacity = (0.55 + (0.45 * (i + 1)) / layers).toFixed(2);
    out.push(
      `<path d="${ridge(rng, w, base, h * 0.22, rng.int(4, 7))} L${w} ${h} L0 ${h} Z" fill="${color}" opacity="${opacity}"/>`,
    );
  }
  return out.join('');
}

function sky(p: Palette, w: number, h: number, rng: Rng): string {
  const sx = rng.int(Math.round(w * 0.15), Math.round(w * 0.85));
  const sy = rng.int(Math.round(h * 0.12), Math.round(h * 0.35));
  return `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[0]}"/><stop offset="1" stop-color="${p.sky[1]}"/></linearGradient><linearGradient id="w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.water[0]}"/><stop offset="1" stop-color="${p.water[1]}"/></linearGradient><radialGradient id="g"><stop offset="0" stop-color="${p.sun}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.sun}" stop-opacity="0"/></radialGradient></defs><rect width="${w}" height="${h}" fill="url(#s)"/><circle cx="${sx}" cy="${sy}" r="${Math.round(h * 0.28)}" fill="url(#g)"/><circle cx="${sx}" cy="${sy}" r="${Math.round(h * 0.06)}" fill="${p.sun}"/>`;
}

function water(rng: Rng, w: number, h: number, top: number): string {
  const lines: string[] = [`<rect y="${top}" width="${w}" height="${h - top}" fill="url(#w)"/>`];
  for (let i = 0; i < 9; i += 1) {
    const y = rng.int(top + 6, h - 4);
    const x = rng.int(0, w - 120);
    lines.push(
      `<rect x="${x}" y="${y}" width="${rng.int(40, 160)}" height="2" rx="1" fill="#ffffff" opacity="0.35"/>`,
    );
  }
  return lines.join('');
}

function trees(rng: Rng, p: Palette, w: number, baseY: number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const x = rng.int(0, w);
    const r = rng.int(10, 26);
    out.push(
      `<rect x="${x - 2}" y="${baseY - r}" width="4" height="${r + 4}" fill="#5a4632"/><circle cx="${x}" cy="${baseY - r - 4}" r="${r}" fill="${rng.chance(0.5) ? p.green[0] : p.green[1]}"/>`,
    );
  }
  return out.join('');
}

const scenes: readonly Scene[] = [
  {
    key: 'river',
    zh: '临江江岸与远山',
    en: 'The Linjiang riverbank with distant hills',
    ru: 'Берег реки и далёкие холмы в Линьцзяне',
    draw: (rng, p, w, h) =>
      sky(p, w, h, rng) +
      mountains(rng, p, w, Math.round(h * 0.72), 3, h * 0.3) +
      water(rng, w, h, Math.round(h * 0.68)),
  },
  {
    key: 'mountains',
    zh: '临江西部群山',
    en: 'Mountains west of Linjiang',
    ru: 'Горы к западу от Линьцзяна',
    draw: (rng, p, w, h) =>
      sky(p, w, h, rng) +
      mountains(rng, p, w, h, 4, h * 0.2) +
      `<rect y="${Math.round(h * 0.55)}" width="${w}" height="${Math.round(h * 0.08)}" fill="#ffffff" opacity="0.18"/>`,
  },
  {
    key: 'fields',
    zh: '乡村田园',
    en: 'Farmland in the countryside',
    ru: 'Сельские поля',
    draw: (rng, p, w, h) => {
      let out = sky(p, w, h, rng) + mountains(rng, p, w, Math.round(h * 0.6), 2, h * 0.3);
      for (let i = 0; i < 6; i += 1) {
        const y = Math.round(h * 0.55 + i * h * 0.08);
        out += `<path d="M0 ${y} Q${w / 2} ${y - rng.int(10, 40)} ${w} ${y + rng.int(-10, 10)} L${w} ${h} L0 ${h} Z" fill="${i % 2 === 0 ? p.green[0] : p.green[1]}"/>`;
      }
      return out;
    },
  },
  {
    key: 'skyline',
    zh: '滨江新城天际线',
    en: 'The skyline of the riverside new town',
    ru: 'Панорама нового района на набережной',
    draw: (rng, p, w, h) => {
      let out = sky(p, w, h, rng) + mountains(rng, p, w, Math.round(h * 0.6), 1, h * 0.35);
      let x = 0;
      const ground = Math.round(h * 0.7);
      while (x < w) {
        const bw = rng.int(24, 70);
        const bh = rng.int(Math.round(h * 0.12), Math.round(h * 0.5));
        out += `<rect x="${x}" y="${ground - bh}" width="${bw - 4}" height="${bh}" fill="#3f4658" opacity="${(0.75 + rng.next() * 0.25).toFixed(2)}"/>`;
        for (let wy = ground - bh + 8; wy < ground - 8; wy += 14) {
          out += `<rect x="${x + 5}" y="${wy}" width="${bw - 14}" height="4" fill="${p.sun}" opacity="0.35"/>`;
        }
        x += bw;
      }
      return out + water(rng, w, h, ground);
    },
  },
  {
    key: 'tea',
    zh: '山地茶园',
    en: 'Tea gardens on a hillside',
    ru: 'Чайные плантации на склоне холма',
    draw: (rng, p, w, h) => {
      let out = sky(p, w, h, rng) + mountains(rng, p, w, Math.round(h * 0.5), 2, h * 0.2);
      out += `<path d="M0 ${Math.round(h * 0.45)} Q${w * 0.6} ${Math.round(h * 0.3)} ${w} ${Math.round(h * 0.5)} L${w} ${h} L0 ${h} Z" fill="${p.green[1]}"/>`;
      for (let i = 0; i < 12; i += 1) {
        const y = Math.round(h * 0.5 + i * h * 0.045);
        out += `<path d="M-20 ${y} Q${w / 2} ${y - rng.int(20, 50)} ${w + 20} ${y}" stroke="${p.green[0]}" stroke-width="${rng.int(8, 14)}" fill="none" stroke-linecap="round"/>`;
      }
      return out;
    },
  },
  {
    key: 'lake',
    zh: '南湖湖光',
    en: 'South Lake',
    ru: 'Южное озеро',
    draw: (rng, p, w, h) => {
      const top = Math.round(h * 0.5);
      let out = sky(p, w, h, rng) + mountains(rng, p, w, top + 10, 2, h * 0.25) + water(rng, w, h, top);
      const ix = rng.int(Math.round(w * 0.2), Math.round(w * 0.7));
      out += `<ellipse cx="${ix}" cy="${top + 30}" rx="${rng.int(60, 120)}" ry="14" fill="${p.green[1]}"/>`;
      return out + trees(rng, p, w, top + 26, 5);
    },
  },
  {
    key: 'bridge',
    zh: '云江大桥',
    en: 'The Yunjiang River Bridge',
    ru: 'Мост через реку Юньцзян',
    draw: (rng, p, w, h) => {
      const top = Math.round(h * 0.62);
      let out = sky(p, w, h, rng) + mountains(rng, p, w, top, 2, h * 0.3) + water(rng, w, h, top);
      const deck = top - 30;
      out += `<rect y="${deck}" width="${w}" height="8" fill="#ece7dc"/>`;
      const spans = rng.int(3, 5);
      for (let i = 0; i < spans; i += 1) {
        const x0 = (w * i) / spans;
        const x1 = (w * (i + 1)) / spans;
        out += `<path d="M${x0} ${deck + 8} Q${(x0 + x1) / 2} ${deck - 60} ${x1} ${deck + 8}" stroke="#ece7dc" stroke-width="6" fill="none"/><rect x="${x1 - 5}" y="${deck}" width="10" height="${h - deck}" fill="#d8d2c4" opacity="0.9"/>`;
      }
      return out;
    },
  },
  {
    key: 'park',
    zh: '滨江公园',
    en: 'Riverside Park',
    ru: 'Парк на набережной',
    draw: (rng, p, w, h) => {
      const ground = Math.round(h * 0.6);
      let out = sky(p, w, h, rng) + mountains(rng, p, w, ground, 1, h * 0.35);
      out += `<rect y="${ground}" width="${w}" height="${h - ground}" fill="${p.green[0]}"/>`;
      out += `<path d="M${w * 0.4} ${h} Q${w * 0.5} ${ground + 40} ${w * 0.75} ${ground}" stroke="#e9dfc8" stroke-width="22" fill="none"/>`;
      return out + trees(rng, p, w, ground + 10, 7) + trees(rng, p, w, h - 20, 4);
    },
  },
];

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

/** Scene keys, for picking pictures that suit a text. */
export const sceneKeys = scenes.map((scene) => scene.key);

/** A PDF form in the attachment pool. */
export interface AttachmentFile {
  /** Path relative to the snapshot folder. */
  file: string;
  /** Size in bytes. */
  size: number;
  /** Bytes. */
  bytes: Buffer;
}

/**
 * A small valid PDF (A4) with a drawn form: a title bar and a table of `rows` × `cols`.
 * It holds no text, so it needs no font; it stands in for 申请表 and 清单 attachments.
 */
export function pdfForm(rows: number, cols: number): Buffer {
  const ops: string[] = ['0.2 0.2 0.2 RG', '0.8 w', '0.85 0.1 0.1 rg', '72 770 451 6 re f', '0 0 0 rg'];
  const top = 740;
  const left = 72;
  const width = 451;
  const rowH = Math.min(36, 640 / rows);
  for (let r = 0; r <= rows; r += 1)
    ops.push(`${left} ${(top - r * rowH).toFixed(1)} m ${left + width} ${(top - r * rowH).toFixed(1)} l S`);
  for (let c = 0; c <= cols; c += 1) {
    const x =
      c === 0
        ? left
        : c === cols
          ? left + width
          : left + 110 + ((width - 110) * (c - 1)) / Math.max(1, cols - 1);
    ops.push(`${x.toFixed(1)} ${top} m ${x.toFixed(1)} ${(top - rows * rowH).toFixed(1)} l S`);
  }
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The attachment pool: a dozen PDF forms of different shapes. */
export function planAttachments(): AttachmentFile[] {
  const shapes: [number, number][] = [
    [8, 2],
    [12, 4],
    [16, 3],
    [10, 5],
    [20, 4],
    [6, 2],
    [14, 6],
    [18, 5],
    [9, 3],
    [11, 2],
    [15, 4],
    [7, 3],
  ];
  return shapes.map(([rows, cols], i) => {
    const bytes = pdfForm(rows, cols);
    return { file: `media/att-${String(i + 1).padStart(4, '0')}.pdf`, size: bytes.length, bytes };
  });
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
