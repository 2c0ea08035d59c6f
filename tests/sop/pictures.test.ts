import { describe, expect, it } from 'vitest';
import { pictureMarkdown, referencedPictures, resolvePictures, reviseOp, sopPicturesSchema, validateRevision, withoutPicture } from '../../shared/sop';
import type { Attachment } from '../../shared/attachments';
import { docOf, wang } from './harness';

const picture = (digit: string, name = '后台截图.png'): Attachment => ({ sha256: digit.repeat(64), name, mime: 'image/png', size: 2048 });
const A = picture('a');
const B = picture('b', 'sample [1].jpg');

describe('pictures in an SOP', () => {
  it('a revision lists only the pictures its text shows, each once', () => {
    const body = `# 发布步骤\n${pictureMarkdown(A)}\n第二步\n${pictureMarkdown(A)}`;
    expect(referencedPictures(body, [A, B, A])).toEqual([A]);
    expect(pictureMarkdown(B)).toBe(`![sample  1 .jpg](picture:${'b'.repeat(64)})`);
  });

  it('references become the local picture, or a plain note while it has not arrived', () => {
    const body = `前\n${pictureMarkdown(A)}\n${pictureMarkdown(B)}\n后`;
    const shown = resolvePictures(body, (sha) => (sha === A.sha256 ? 'blob:baton/1' : null), (caption) => `(${caption} missing)`);
    expect(shown).toBe('前\n![后台截图.png](blob:baton/1)\n(sample  1 .jpg missing)\n后');
  });

  it('removing a picture in the editor removes its references, nothing else', () => {
    expect(withoutPicture(`a ${pictureMarkdown(A)} b ${pictureMarkdown(B)}`, A.sha256)).toBe(`a  b ${pictureMarkdown(B)}`);
  });

  it('the op carries pictures only (no PDF), and revisions written before pictures fold with none', () => {
    expect(sopPicturesSchema.safeParse([{ ...A, mime: 'application/pdf' }]).success).toBe(false);
    const lead = wang();
    const old = lead.write(0, reviseOp('s1', { parents: [], title: '旧规范', body: '', checklist: [], area: 'content' }, lead.stamp));
    const withPicture = lead.write(1, reviseOp('s1', { parents: [old.id], title: '旧规范', body: pictureMarkdown(A), checklist: [], pictures: [A] }, lead.stamp));
    expect(docOf([old, withPicture]).state.revisions.map((revision) => revision.pictures)).toEqual([[], [A]]);
  });

  it('too many pictures is explained, not refused at the door', () => {
    const many = Array.from({ length: 51 }, (_, index) => ({ ...A, sha256: index.toString(16).padStart(64, '0'), name: `p${index}.png` }));
    const body = many.map(pictureMarkdown).join('\n');
    expect(validateRevision({ title: 't', body, checklist: [], pictures: many }, [])).toEqual([{ code: 'too-many', path: ['pictures'], params: { max: 50, count: 51 } }]);
  });
});
