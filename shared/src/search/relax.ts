/**
 * A question as people type it (如何申请高龄津贴需要什么材料) is a run that no page holds as typed. When
 * the query finds nothing, the search page searches its parts instead: the query cut into words by the
 * browser's own dictionary (`Intl.Segmenter`), without the words that say how it is asked (如何, 需要,
 * 什么). Pure and browser-safe (docs/adr/0043-words-of-a-question.md).
 * @module
 */

/** Words that say how something is asked or who asks, not what about: left out of the words searched. */
const askingWords = new Set([
  '如何',
  '怎么',
  '怎样',
  '怎么样',
  '怎么办',
  '什么',
  '哪里',
  '哪儿',
  '哪些',
  '哪个',
  '多少',
  '多久',
  '为什么',
  '需要',
  '可以',
  '能否',
  '是否',
  '有没有',
  '能不能',
  '应该',
  '请问',
  '我想',
  '我要',
  '想要',
  '我们',
  '我家',
  '一下',
  '一个',
  '关于',
  '以及',
  '或者',
  '还是',
  '吗',
  '呢',
  '吧',
  '啊',
  '的',
  '了',
  '和',
  '与',
  '及',
  '或',
  '在',
  '去',
  '到',
  '要',
  '想',
  '能',
  '是',
  '有',
  '我',
  '你',
  '他',
  '她',
  '怎',
  '该',
  '个',
  '些',
]);

const han = /^\p{Script=Han}+$/u;

/**
 * What to search, in turn, when the query as typed finds nothing, each joined by spaces: first the runs
 * between the words that ask (请问政府信息公开申请需要什么材料 → 政府信息公开申请 材料: the name of the
 * thing stays whole, as titles hold it), then every word on its own (申请高龄津贴 → 申请 高龄 津贴). Empty
 * when there is nothing else to search (one word, only asking words, no word segmenter). Runs of single
 * characters the dictionary does not know as words (公 积 金, 优 化 营 商) are kept together as typed.
 * @example relaxQueries('如何申请高龄津贴需要什么材料') // ['申请高龄津贴 材料', '申请 高龄 津贴 材料']
 */
export function relaxQueries(query: string): string[] {
  if (typeof Intl === 'undefined' || typeof Intl.Segmenter !== 'function') return [];
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
  const runs: string[] = [];
  const words: string[] = [];
  let run = '';
  let single = '';
  const flushSingle = () => {
    if ([...single].length >= 2) words.push(single);
    single = '';
  };
  const flushRun = () => {
    flushSingle();
    if ([...run].length >= 2) runs.push(run);
    run = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(query.normalize('NFKC'))) {
    const word = segment.toLowerCase();
    if (!isWordLike || askingWords.has(word)) {
      flushRun();
      continue;
    }
    run += word;
    if (han.test(word) && [...word].length === 1) {
      single += word;
      continue;
    }
    flushSingle();
    words.push(word);
  }
  flushRun();
  const typed = query.normalize('NFKC').trim().toLowerCase();
  const tries = [runs, words]
    .map((list) => [...new Set(list)].join(' '))
    .filter((text) => text !== '' && text !== typed);
  return [...new Set(tries)];
}
