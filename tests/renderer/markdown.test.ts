// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../renderer/markdown/render';

/** Renders into a detached element and reports anything that could run or leak. */
function dangers(html: string): string[] {
  const root = document.createElement('div');
  root.innerHTML = html;
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'svg', 'iframe', 'object', 'embed', 'style', 'form'].includes(tag)) found.push(`<${tag}>`);
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith('on')) found.push(`${tag}[${attribute.name}]`);
      if (/^(href|src|xlink:href|action|formaction)$/.test(attribute.name) && !/^(https?:|blob:)/i.test(attribute.value)) {
        found.push(`${tag}[${attribute.name}=${attribute.value}]`);
      }
    }
  }
  return found;
}

describe('Markdown rendering is inert', () => {
  const attacks = {
    'a script tag': '<script>alert(1)</script>',
    'a javascript: link': '[点我](javascript:alert(1))',
    'a JaVaScRiPt: link with entities': '[x](JaVaScRiPt&#58;alert(1))',
    'an onerror attribute': '<img src=x onerror="alert(1)">',
    'an SVG with a script': '<svg><script>alert(1)</script><circle onload="alert(1)"/></svg>',
    'a data: link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    'a data: image': '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
    'a remote image': '![tracker](https://evil.example/pixel.png)',
    'an iframe': '<iframe src="https://evil.example"></iframe>',
    'a vbscript: autolink': '<vbscript:msgbox(1)>',
  };
  for (const [name, source] of Object.entries(attacks)) {
    it(`neutralises ${name}`, () => {
      expect(dangers(renderMarkdown(source))).toEqual([]);
    });
  }

  it('keeps what people write: Chinese text, lists, emphasis and web links', () => {
    const html = renderMarkdown('**微博投诉** 两条\n\n- 已转客服\n- 见 https://weibo.com/123');
    expect(html).toContain('<strong>微博投诉</strong>');
    expect(html).toContain('<li>已转客服</li>');
    expect(html).toMatch(/<a href="https:\/\/weibo.com\/123" rel="noopener noreferrer">/);
  });

  it("shows a picture from a blob: URL this window made (an SOP's or a note's attachment)", () => {
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown('![发布后台](blob:http://127.0.0.1:5173/0b1c2d3e)');
    expect(root.querySelector('img')?.getAttribute('src')).toBe('blob:http://127.0.0.1:5173/0b1c2d3e');
  });

  it('shows raw HTML as text rather than dropping what was typed', () => {
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown('<b>粗体</b>');
    expect(root.textContent).toContain('<b>粗体</b>');
  });
});
