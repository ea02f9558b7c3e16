/**
 * The landscapes of the demo city as SVG: five colour palettes (seasons and times of day) and the
 * scenes drawn in them (river, hills, old town, fields …) from a seeded generator, so the same seed
 * draws the same picture.
 * @module
 */
import type { Rng } from './prng.ts';

export interface Palette {
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

export const palettes: readonly Palette[] = [
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

export interface Scene {
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

export const scenes: readonly Scene[] = [
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

/** Scene keys, for picking pictures that suit a text. */
export const sceneKeys = scenes.map((scene) => scene.key);
