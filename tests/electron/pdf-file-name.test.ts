import { describe, expect, it } from 'vitest';
import { pdfFileName } from '../../electron/services/pdf-file-name';

describe('the file name offered for a PDF', () => {
  it('keeps a title readable, Chinese included, and ends in .pdf once', () => {
    expect(pdfFileName('2026-01-05 早班 交接班记录')).toBe('2026-01-05 早班 交接班记录.pdf');
    expect(pdfFileName('Handover note, 2026-01-05 Early.PDF')).toBe('Handover note, 2026-01-05 Early.pdf');
  });

  it('is never a path, a hidden file, a Windows device or empty', () => {
    expect(pdfFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j.pdf');
    expect(pdfFileName('..')).toBe('Baton.pdf');
    expect(pdfFileName('.hidden')).toBe('hidden.pdf');
    expect(pdfFileName('  记录. ')).toBe('记录.pdf');
    expect(pdfFileName('line\nbreak\ttab')).toBe('line-break-tab.pdf');
    expect(pdfFileName('CON')).toBe('_CON.pdf');
    expect(pdfFileName('交'.repeat(500))).toBe(`${'交'.repeat(120)}.pdf`);
  });
});
