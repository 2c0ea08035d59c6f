import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/**
 * Markdown written by colleagues (or arriving in a forged segment) rendered as inert HTML.
 * markdown-it with raw HTML off does most of it; DOMPurify is the second wall: no scripts, no
 * event handlers, no SVG or MathML, and links only to http(s) (no javascript:, no data:).
 * Images only from blob: URLs this window made (attachments), never the network: a remote
 * image would tell a stranger when a note was read.
 */
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

// A list item starting `[ ]` / `[x]` (a to-do in an SOP) shows a box, ☐ or ☑, rather than the brackets and a bullet: on paper it is ticked with a pen.
md.core.ruler.push('task-boxes', (state) => {
  const tokens = state.tokens;
  for (let index = 2; index < tokens.length; index += 1) {
    if (tokens[index]!.type !== 'inline' || tokens[index - 1]!.type !== 'paragraph_open' || tokens[index - 2]!.type !== 'list_item_open') continue;
    const first = tokens[index]!.children?.[0];
    if (first?.type !== 'text' || !/^\[[ xX]\][ \t]/.test(first.content)) continue;
    first.content = first.content.replace(/^\[([ xX])\][ \t]+/, (_, mark: string) => (mark === ' ' ? '☐ ' : '☑ '));
    // The box is its mark: no bullet beside it.
    tokens[index - 2]!.attrJoin('class', 'markdown__task');
  }
});

const SAFE_LINK = /^https?:\/\//i;
const SAFE_IMAGE = /^blob:/i;

let hooked = false;
function hookOnce(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (SAFE_LINK.test(href)) node.setAttribute('rel', 'noopener noreferrer');
      else node.removeAttribute('href');
      node.removeAttribute('target');
    }
    if (node.tagName === 'IMG' && !SAFE_IMAGE.test(node.getAttribute('src') ?? '')) node.removeAttribute('src');
  });
}

export function renderMarkdown(source: string): string {
  hookOnce();
  return DOMPurify.sanitize(md.render(source), {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'iframe', 'object', 'embed', 'svg', 'math'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
    // DOMPurify's own list has no blob:, which dropped the pictures' URLs; the hook narrows further (links http(s), images blob:).
    ALLOWED_URI_REGEXP: /^(?:https?|blob):/i,
  });
}
