import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, detectAttachmentMime, validateAttachment, validatePicture } from '../../shared/attachments';

const codes = (issues: ReadonlyArray<{ code: string }>) => issues.map((entry) => entry.code);
const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
const ascii = (text: string) => bytes(...[...text].map((char) => char.charCodeAt(0)));

describe('attachments', () => {
  it('recognises PNG, JPEG, GIF, WebP and PDF by their first bytes, and nothing else', () => {
    expect(detectAttachmentMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(detectAttachmentMime(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(detectAttachmentMime(ascii('GIF89a'))).toBe('image/gif');
    expect(detectAttachmentMime(ascii('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(detectAttachmentMime(ascii('%PDF-1.7'))).toBe('application/pdf');
    expect(detectAttachmentMime(ascii('MZ'))).toBeNull();
    expect(detectAttachmentMime(ascii('RIFF\0\0\0\0WAVE'))).toBeNull();
    expect(detectAttachmentMime(new Uint8Array())).toBeNull();
  });

  it('takes up to 20 MB of an allowed type, and says what is wrong with anything else', () => {
    expect(validateAttachment({ name: '截图.png', size: MAX_ATTACHMENT_BYTES, mime: 'image/png' })).toEqual([]);
    expect(validateAttachment({ name: '录屏.png', size: MAX_ATTACHMENT_BYTES + 1, mime: 'image/png' })).toEqual([
      { code: 'attachment-too-large', path: [], params: { name: '录屏.png', size: MAX_ATTACHMENT_BYTES + 1, max: MAX_ATTACHMENT_BYTES } },
    ]);
    expect(validateAttachment({ name: '合同.docx', size: 1000, mime: null })).toEqual([
      {
        code: 'attachment-type',
        path: [],
        params: { name: '合同.docx', mime: 'unknown', allowed: 'image/png, image/jpeg, image/gif, image/webp, application/pdf' },
      },
    ]);
    expect(codes(validateAttachment({ name: 'a.heic', size: MAX_ATTACHMENT_BYTES * 2, mime: 'image/heic' }))).toEqual([
      'attachment-too-large',
      'attachment-type',
    ]);
  });

  it("takes only a picture where a picture is asked for (an escalation's screenshot), within the same 20 MB", () => {
    expect(validatePicture({ name: '微博截图.jpg', size: 1000, mime: 'image/jpeg' })).toEqual([]);
    expect(validatePicture({ name: '投诉.pdf', size: 1000, mime: 'application/pdf' })).toEqual([
      { code: 'picture-type', path: [], params: { name: '投诉.pdf', mime: 'application/pdf' } },
    ]);
    expect(codes(validatePicture({ name: 'setup.exe', size: 1000, mime: null }))).toEqual(['picture-type']);
    expect(codes(validatePicture({ name: '长截图.png', size: MAX_ATTACHMENT_BYTES + 1, mime: 'image/png' }))).toEqual(['attachment-too-large']);
  });
});
