/**
 * Leader portraits of the demo city: abstract silhouettes drawn as SVG, one pool per gender and age
 * band, two of each that differ in hair, suit, tie or glasses. A leader's portrait fits the person
 * (people.ts picks from the pool of the leader's gender and age). No photo, no font, no download.
 * @module
 */
import type { Rng } from './prng.ts';

/** The age bands of leaders (their ages run from 42 to 56). */
export const ageBands = ['40s', 'early50s', 'late50s'] as const;

/** An age band. */
export type AgeBand = (typeof ageBands)[number];

/** The band of an age in years. */
export function ageBand(age: number): AgeBand {
  return age < 48 ? '40s' : age < 53 ? 'early50s' : 'late50s';
}

/** The key of the portrait pool of a look's gender and age band. */
export function lookPoolKey(look: Pick<PortraitLook, 'female' | 'band'>): string {
  return `${look.female ? 'female' : 'male'}|${look.band}`;
}

/** The key of the portrait pool that fits a person of a gender and age. */
export function portraitPoolKey(female: boolean, age: number): string {
  return lookPoolKey({ female, band: ageBand(age) });
}

/** What one portrait shows. */
export interface PortraitLook {
  female: boolean;
  band: AgeBand;
  /** 0 or 1: the two looks of a pool. */
  variant: number;
}

/** Every look of the pool: each gender, band and variant. */
export const portraitLooks: readonly PortraitLook[] = [false, true].flatMap((female) =>
  ageBands.flatMap((band) => [0, 1].map((variant) => ({ female, band, variant }))),
);

const hairByBand: Record<AgeBand, string> = { '40s': '#1c1c21', early50s: '#3d3a39', late50s: '#8e8e92' };
const backgrounds: readonly [string, string][] = [
  ['#dfe7ef', '#b9c8d8'],
  ['#e6e2dc', '#c7beb2'],
  ['#dde8e3', '#b5cbc0'],
  ['#e4e4ea', '#c1c1cf'],
];

/** The SVG body of a portrait `w` × `h` with a given look; `rng` varies the colours a little. */
export function drawPortrait(rng: Rng, look: PortraitLook, w: number, h: number): string {
  const bg = rng.pick(backgrounds);
  const suit = rng.pick(['#2d3a4a', '#33363d', '#3a4255', '#2f3f3a', '#4a3a3f']);
  const skin = rng.pick(['#e2c2a8', '#dcb99c', '#e6c8b0']);
  const neck = '#d4b196';
  const hair = hairByBand[look.band];
  const x = (f: number) => (w * f).toFixed(1);
  const y = (f: number) => (h * f).toFixed(1);
  const parts: string[] = [
    `<defs><linearGradient id="b" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${bg[0]}"/><stop offset="1" stop-color="${bg[1]}"/></linearGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#b)"/>`,
  ];
  // Long hair falls behind the shoulders.
  if (look.female && look.variant === 0)
    parts.push(`<ellipse cx="${x(0.5)}" cy="${y(0.45)}" rx="${x(0.22)}" ry="${y(0.22)}" fill="${hair}"/>`);
  const shoulder = look.female ? 0.14 : 0.08;
  parts.push(
    `<path d="M${x(shoulder)} ${h} Q${x(shoulder + 0.04)} ${y(0.66)} ${x(0.5)} ${y(0.62)} Q${x(0.96 - shoulder)} ${y(0.66)} ${x(1 - shoulder)} ${h} Z" fill="${suit}"/>`,
  );
  if (look.female) {
    // A blouse with a round neckline, and a brooch on the second look.
    parts.push(
      `<path d="M${x(0.41)} ${y(0.63)} Q${x(0.5)} ${y(0.74)} ${x(0.59)} ${y(0.63)} Z" fill="#f2ece6"/>`,
    );
    if (look.variant === 1)
      parts.push(`<circle cx="${x(0.36)}" cy="${y(0.74)}" r="${x(0.018)}" fill="#c9a227"/>`);
  } else {
    const tie = look.variant === 0 ? '#8e1b24' : '#1f3f73';
    parts.push(
      `<path d="M${x(0.42)} ${y(0.63)} L${x(0.5)} ${y(0.8)} L${x(0.58)} ${y(0.63)} Z" fill="#f4f4f4"/>`,
      `<path d="M${x(0.485)} ${y(0.645)} L${x(0.515)} ${y(0.645)} L${x(0.525)} ${y(0.78)} L${x(0.5)} ${y(0.82)} L${x(0.475)} ${y(0.78)} Z" fill="${tie}"/>`,
    );
  }
  parts.push(
    `<rect x="${x(0.445)}" y="${y(0.5)}" width="${x(0.11)}" height="${y(0.13)}" fill="${neck}"/>`,
    `<ellipse cx="${x(0.5)}" cy="${y(0.38)}" rx="${x(look.female ? 0.16 : 0.17)}" ry="${y(0.16)}" fill="${skin}"/>`,
  );
  if (look.female) {
    // Fringe and crown; the short cut (second look) ends above the jaw.
    const depth = look.variant === 0 ? 0.3 : 0.28;
    parts.push(
      `<path d="M${x(0.33)} ${y(0.42)} Q${x(0.31)} ${y(0.19)} ${x(0.5)} ${y(0.19)} Q${x(0.69)} ${y(0.19)} ${x(0.67)} ${y(0.42)} Q${x(0.64)} ${y(depth)} ${x(0.52)} ${y(0.27)} Q${x(0.4)} ${y(depth)} ${x(0.33)} ${y(0.42)} Z" fill="${hair}"/>`,
    );
  } else {
    // A hairline that recedes with age.
    const line = look.band === 'late50s' ? 0.25 : look.band === 'early50s' ? 0.27 : 0.28;
    const side = look.variant === 0 ? 0.35 : 0.34;
    parts.push(
      `<path d="M${x(0.33)} ${y(side)} Q${x(0.34)} ${y(0.19)} ${x(0.5)} ${y(0.2)} Q${x(0.66)} ${y(0.19)} ${x(0.67)} ${y(side)} Q${x(0.6)} ${y(line)} ${x(0.5)} ${y(line)} Q${x(0.4)} ${y(line)} ${x(0.33)} ${y(side)} Z" fill="${hair}"/>`,
    );
  }
  // Glasses on the second look past the forties.
  if (look.variant === 1 && look.band !== '40s') {
    const frame = `fill="none" stroke="#2a2a2e" stroke-width="${(w * 0.008).toFixed(1)}"`;
    parts.push(
      `<rect x="${x(0.38)}" y="${y(0.36)}" width="${x(0.1)}" height="${y(0.05)}" rx="${x(0.015)}" ${frame}/>`,
      `<rect x="${x(0.52)}" y="${y(0.36)}" width="${x(0.1)}" height="${y(0.05)}" rx="${x(0.015)}" ${frame}/>`,
      `<path d="M${x(0.48)} ${y(0.38)} L${x(0.52)} ${y(0.38)}" ${frame}/>`,
    );
  }
  return parts.join('');
}
