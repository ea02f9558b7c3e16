/**
 * The maintained lists of the severe-error rule (严重错误): common wrong words with their correct
 * form, and the secrecy markings that must never appear in published text. Add to these lists;
 * the rule code does not change.
 * @module
 */

/** Wrong form → correct form (严重错别字, 政治性表述错误). */
export const wrongWords: Readonly<Record<string, string>> = {
  中华人民共合国: '中华人民共和国',
  中华人民共和囯: '中华人民共和国',
  中华人民供和国: '中华人民共和国',
  中化人民共和国: '中华人民共和国',
  中华人名共和国: '中华人民共和国',
  中国共产觉: '中国共产党',
  中国共惨党: '中国共产党',
  全国人民代表大汇: '全国人民代表大会',
  社会主义核心价值现: '社会主义核心价值观',
  习近平新时代中国特色社会主意思想: '习近平新时代中国特色社会主义思想',
  中国特色社会主意: '中国特色社会主义',
  国务院办工厅: '国务院办公厅',
  人民政俯: '人民政府',
};

/** Secrecy markings (密级标志) and internal-circulation markings that mean a document must not be public. */
export const secrecyMarkings: readonly string[] = ['绝密', '机密', '秘密', '内部资料', '内部文件'];
