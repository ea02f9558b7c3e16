import type { StrapiApp } from '@strapi/strapi/admin';
import { mendHardCodedEnglish } from './hard-coded-english';
import { zhHans } from './translations/zh-hans';

// Strapi's key for the interface language; the login page reads it before anyone has logged in, so a
// first visit would otherwise greet a civil servant in English.
const languageKey = 'strapi-admin-language';
if (typeof localStorage !== 'undefined' && !localStorage.getItem(languageKey)) {
  localStorage.setItem(languageKey, 'zh-Hans');
}

/**
 * Strapi's banner about its new media library (a link to its blog) shows until dismissed; it is kept per
 * instance uuid, which this project leaves `false` (cms/package.json), and `undefined` while loading.
 */
if (typeof localStorage !== 'undefined') {
  for (const legacy of [true, false]) {
    for (const uuid of ['false', 'undefined']) {
      localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${uuid}`, 'true');
    }
  }
}

/**
 * Links to Strapi's marketing (marketplace, plans and pricing, cloud, blog and docs promotions), removed
 * for every role: the people using this admin run a government website, not a Strapi project. And a
 * relation picker's 新建关联条目 (“Create a relation”) where the person may not create one: Strapi shows
 * it greyed out (the one option that is a direct child of the list box).
 */
const hiddenCss = `
a[href*="/marketplace"], a[href*="strapi.io"], a[href*="strapi.cloud"],
[aria-label*="Marketplace"], [aria-label*="市场"] { display: none !important; }
[role="listbox"] > [role="option"][aria-disabled="true"] { display: none !important; }
`;

/** The admin panel: Chinese (Simplified) first, Russian besides English. */
export default {
  config: {
    locales: ['zh-Hans', 'ru'],
    translations: { 'zh-Hans': zhHans },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {
    const style = document.createElement('style');
    style.dataset.govcluster = 'hidden-surfaces';
    style.textContent = hiddenCss;
    document.head.append(style);
    mendHardCodedEnglish();
  },
};
