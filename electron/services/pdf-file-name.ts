/** Characters no file name may hold on Windows, macOS or Linux. */
const FORBIDDEN = new Set('<>:"/\\|?*');
const isControl = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;
/** Names Windows keeps for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_STEM_CHARS = 120;

/**
 * The name offered in the save dialog, from a title in the person's language ("2026-01-05 早班
 * 交接班记录"): kept readable, Chinese and all, but never a path, a device or a hidden file.
 */
export function pdfFileName(title: string): string {
  const stem = [...title.replace(/\.pdf$/i, '')]
    .map((char) => (FORBIDDEN.has(char) || isControl(char) ? '-' : char))
    .join('')
    .replace(/\s+/g, ' ')
    // Windows drops trailing dots and spaces; a leading dot hides the file elsewhere.
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_STEM_CHARS)
    .trim();
  if (stem === '') return 'Baton.pdf';
  return `${RESERVED.test(stem) ? `_${stem}` : stem}.pdf`;
}
