// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../renderer/markdown/render';
import { underRuleHeading } from '../../renderer/stand-in/format';
import { excerptOf, withoutTitleHeading } from '../../shared/stand-in';

describe("the stand-in pack's SOP excerpts", () => {
  it("sit below the rule's own heading: # becomes h4, ## h5, never beyond h6; fenced code untouched", () => {
    expect(underRuleHeading('# 发帖\n## 几点\n#### 细节\n#标签不是标题\n```\n# 注释\n```')).toBe('#### 发帖\n##### 几点\n###### 细节\n#标签不是标题\n```\n# 注释\n```');
  });

  it('render as the SOP screen renders them: headings, lists with their to-do boxes, tables, no Markdown marks left, nothing that runs', () => {
    const body = '# 每日内容发布规范\n\n## 每天发什么\n| 类型 | 时间 |\n| --- | --- |\n| 产品 | **10:00** |\n\n- [ ] 发布前核对价格\n- [x] 配图无水印\n- [链接](https://example.com) 不是待办\n\n<script>alert(1)</script>';
    const root = document.createElement('div');
    root.innerHTML = renderMarkdown(underRuleHeading(excerptOf(withoutTitleHeading(body, '每日内容发布规范')).excerpt));
    expect([...root.querySelectorAll('h4, h5')].map((heading) => `${heading.tagName}:${heading.textContent}`)).toEqual(['H5:每天发什么']);
    expect(root.querySelector('table td strong')?.textContent).toBe('10:00');
    expect([...root.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['☐ 发布前核对价格', '☑ 配图无水印', '链接 不是待办']);
    expect([...root.querySelectorAll('li')].map((item) => item.className)).toEqual(['markdown__task', 'markdown__task', '']);
    expect(root.textContent).not.toMatch(/#|\*\*|\| ---/);
    expect(root.querySelector('script')).toBeNull();
  });
});
