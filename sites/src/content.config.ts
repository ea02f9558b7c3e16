import { defineCollection } from 'astro/content/config';
import {
  clusterLoader,
  mailboxStatisticsLoader,
  mediaLoader,
  sitesLoader,
} from './loaders/cluster-loader.ts';

/**
 * The collections of the cluster. The config only connects things: loading, validation and
 * reporting live in src/loaders. Collection names are the shared type keys.
 */
export const collections = {
  site: defineCollection({ loader: sitesLoader() }),
  media: defineCollection({ loader: mediaLoader() }),
  article: defineCollection({ loader: clusterLoader('article') }),
  policy: defineCollection({ loader: clusterLoader('policy') }),
  interpretation: defineCollection({ loader: clusterLoader('interpretation') }),
  serviceGuide: defineCollection({ loader: clusterLoader('serviceGuide') }),
  leader: defineCollection({ loader: clusterLoader('leader') }),
  village: defineCollection({ loader: clusterLoader('village') }),
  investmentProject: defineCollection({ loader: clusterLoader('investmentProject') }),
  letter: defineCollection({ loader: clusterLoader('letter') }),
  interview: defineCollection({ loader: clusterLoader('interview') }),
  consultation: defineCollection({ loader: clusterLoader('consultation') }),
  mailboxStatistics: defineCollection({ loader: mailboxStatisticsLoader() }),
};
