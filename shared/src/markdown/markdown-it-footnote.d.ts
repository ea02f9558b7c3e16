/** markdown-it-footnote 4 ships no types: the plugin, as `md.use` takes it. */
declare module 'markdown-it-footnote' {
  import type { MarkdownIt } from 'markdown-it';
  export default function footnote(md: MarkdownIt): void;
}
