/**
 * How big each scale is: sites, and how many items each kind of site carries per column.
 * Counts are ranges; each site draws its own number, so sites differ as real ones do.
 */
import type { snapshotScales } from '@govcluster/shared/snapshot';

/** A scale of the demo city: `fixture` (tests), `demo`, `large` (benchmarks). */
export type DemoScale = (typeof snapshotScales)[number];

/** An inclusive range of counts. */
export type Range = readonly [number, number];

/** Per-column item counts of one kind of site. */
export interface SiteVolume {
  /** 新闻动态 */
  news: Range;
  /** 通知公告 */
  notices: Range;
  /** 政策文件 (0 for sites without a policy column). */
  policies: Range;
  /** 信件 */
  letters: Range;
  /** 领导 */
  leaders: Range;
  /** Most service guides (the site's templates and their variants, cut to this many). */
  services: number;
}

/** The parameters of a scale. */
export interface ScaleConfig {
  /** Departments taken from the head of the catalogue (the investment bureau is always among them). */
  departments: number;
  /** Townships. */
  townships: number;
  /** Villages per township. */
  villages: Range;
  /** The portal's volume. */
  portal: SiteVolume;
  /** A department's volume. */
  department: SiteVolume;
  /** A township's volume. */
  township: SiteVolume;
  /** Investment projects of the portal and of the bureau. */
  projects: { portal: number; bureau: number };
  /** How many departments have a stale news column (newest item months old). */
  staleNews: number;
  /** How many departments have a stale notice column (newest item over six months old). */
  staleNotices: number;
  /** How many sites leave one letter unanswered past the three-month legal limit (a single-veto item). */
  overdueLetters: number;
  /** Days of history. */
  spanDays: number;
}

/** The scales. */
export const scaleConfigs: Readonly<Record<DemoScale, ScaleConfig>> = {
  fixture: {
    departments: 2,
    townships: 1,
    villages: [2, 2],
    portal: {
      news: [3, 3],
      notices: [2, 2],
      policies: [2, 2],
      letters: [3, 3],
      leaders: [3, 3],
      services: 2,
    },
    department: {
      news: [2, 3],
      notices: [2, 2],
      policies: [1, 1],
      letters: [2, 2],
      leaders: [2, 2],
      services: 2,
    },
    township: {
      news: [2, 2],
      notices: [2, 2],
      policies: [0, 0],
      letters: [2, 2],
      leaders: [2, 2],
      services: 2,
    },
    projects: { portal: 1, bureau: 2 },
    staleNews: 1,
    staleNotices: 0,
    overdueLetters: 0,
    spanDays: 1460,
  },
  demo: {
    departments: 40,
    townships: 12,
    villages: [8, 12],
    portal: {
      news: [160, 160],
      notices: [40, 40],
      policies: [30, 30],
      letters: [90, 90],
      leaders: [7, 7],
      services: 12,
    },
    department: {
      news: [12, 40],
      notices: [4, 12],
      policies: [3, 8],
      letters: [4, 14],
      leaders: [3, 4],
      services: 8,
    },
    township: {
      news: [8, 20],
      notices: [3, 8],
      policies: [0, 0],
      letters: [2, 8],
      leaders: [3, 4],
      services: 8,
    },
    projects: { portal: 16, bureau: 10 },
    staleNews: 4,
    staleNotices: 2,
    overdueLetters: 1,
    spanDays: 1460,
  },
  large: {
    departments: 100,
    townships: 30,
    villages: [20, 20],
    portal: {
      news: [2500, 2500],
      notices: [600, 600],
      policies: [400, 400],
      letters: [1500, 1500],
      leaders: [7, 7],
      services: 20,
    },
    department: {
      news: [300, 600],
      notices: [80, 160],
      policies: [40, 90],
      letters: [40, 90],
      leaders: [4, 5],
      services: 12,
    },
    township: {
      news: [200, 400],
      notices: [50, 100],
      policies: [0, 0],
      letters: [20, 50],
      leaders: [3, 4],
      services: 8,
    },
    projects: { portal: 40, bureau: 20 },
    staleNews: 8,
    staleNotices: 3,
    overdueLetters: 3,
    spanDays: 1460,
  },
};
