/**
 * Strapi's design system writes a few English words into the admin that no translation reaches: the
 * date and time pickers' labels ("Choose date", and "date"/"time" appended to the translated 清除), the
 * toaster region, the editor's name, the status badge's label. Screen readers read them out and the
 * clear buttons show them, so they are put into Chinese where they appear: the words in attributes
 * (aria-label, title, placeholder), the `清除 date` shape in text too. `[object Object]` titles (the content manager passes an
 * object as a field's title) would show as a tooltip on every such field: removed.
 */
const words: Readonly<Record<string, string>> = {
  'Choose date': '选择日期',
  'Choose time': '选择时间',
  'Notifications alt+T': '通知（Alt+T）',
  Editor: '编辑器',
  // The content manager's status badge, read out by its aria-label.
  draft: '草稿',
  published: '已发布',
  modified: '已修改',
};

/** `清除 date` → `清除日期`: a translated word with an English one appended. */
const appended: Readonly<Record<string, string>> = { date: '日期', time: '时间' };

const attributes = ['aria-label', 'title', 'placeholder'] as const;

/** `清除 date` → `清除日期`; anything else: undefined. */
function appendedInChinese(text: string): string | undefined {
  const match = /^(\S*[\u4e00-\u9fff]) (date|time)$/.exec(text);
  return match ? `${match[1]}${appended[match[2] as string]}` : undefined;
}

/** An attribute's value in Chinese, when it is one of the words above. */
function attributeInChinese(value: string): string | undefined {
  return words[value] ?? appendedInChinese(value);
}

/**
 * A text node's: only the `清除 date` shape, and never inside what an author edits (the body editor
 * reads its text back from the page, so a line "draft" there must stay "draft").
 */
function mendText(node: Text): void {
  if (node.parentElement?.closest('[contenteditable], .cm-editor, textarea')) return;
  const mended = appendedInChinese(node.data);
  if (mended) node.data = mended;
}

function mendElement(element: Element): void {
  for (const name of attributes) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    if (name === 'title' && value === '[object Object]') element.removeAttribute(name);
    else {
      const mended = attributeInChinese(value);
      if (mended) element.setAttribute(name, mended);
    }
  }
}

function mendTree(root: Element): void {
  mendElement(root);
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder]')) mendElement(element);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) mendText(node as Text);
}

/** Mends what is on the page and everything the admin renders later. Call once, in the admin's bootstrap. */
export function mendHardCodedEnglish(): void {
  mendTree(document.body);
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') mendElement(record.target as Element);
      else if (record.type === 'characterData') mendText(record.target as Text);
      else {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE) mendTree(node as Element);
          else if (node.nodeType === Node.TEXT_NODE) mendText(node as Text);
        }
      }
    }
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: [...attributes],
  });
}
