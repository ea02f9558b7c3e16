/**
 * A finding of the inspection checker (检查发现): one rule broken at one place.
 * @module
 */

/**
 * How much a finding weighs: `veto` is a 单项否决 item of 国办秘函〔2019〕19号 (the site fails
 * the inspection), `warning` is an inspected item that costs points or a web office should fix.
 */
export type Severity = 'veto' | 'warning';

/** The rules the checker applies, each named once (JSON `rule`, report headings, tests). */
export const ruleLabels = {
  'homepage-stale': '首页栏目不更新（两周内无新信息）',
  'column-stale': '栏目不更新',
  'stale-columns': '空白或长期未更新栏目：不更新栏目达5个以上',
  'column-empty': '空白栏目',
  'empty-columns': '空白栏目达5个以上',
  'dead-link': '不可用链接',
  'wrong-word': '严重错别字',
  'leader-name': '领导人姓名、职务错误',
  'secrecy-marking': '发布涉密标志的内容',
  'future-date': '发布日期在未来',
  'letter-unanswered': '留言超过3个月未答复',
  'guide-element-missing': '办事指南要素缺失',
  'interpretation-one-way': '政策文件与解读未相互关联',
  'validity-undated': '失效文件未注明废止、修改或失效日期',
  'replacement-missing': '失效文件的替代文件不存在',
  'index-number-foreign': '索引号的机构代码不属于本站',
  'index-number-duplicate': '索引号重复',
  'consultation-feedback-missing': '征集调查结束后未公布意见反馈',
  'open-info-page-missing': '政府信息公开栏目缺少页面',
  'online-url-invalid': '在线办理地址不是https地址',
  'online-url-dead': '在线办理地址不可用',
  'image-alt-missing': '图片缺少替代文字',
  'footer-fact-missing': '网站底部信息缺失',
  'invalid-entry': '数据不合规，构建时被跳过',
} as const;

/** A rule's key. */
export type Rule = keyof typeof ruleLabels;

/** One finding. */
export interface Finding {
  /** Site id the finding belongs to. */
  readonly site: string;
  /** The rule broken. */
  readonly rule: Rule;
  /** Single-veto item or warning. */
  readonly severity: Severity;
  /** What is wrong, for a web office (Chinese, with the figures). */
  readonly message: string;
  /** Public URL (path, or absolute with `--site-url`) of the page concerned, when there is one. */
  readonly url?: string;
  /** The CMS edit view of the entry concerned, when the CMS is known. */
  readonly editUrl?: string;
  /** The entry concerned: `type "id" (locale)`. */
  readonly entry?: string;
}
