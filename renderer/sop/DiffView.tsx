import { useTranslation } from 'react-i18next';
import type { DiffLine } from '../../shared/sop';

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
const CONTEXT = 2;

type Row = DiffLine | { readonly kind: 'fold'; readonly count: number };

function foldRuns(lines: readonly DiffLine[]): Row[] {
  const rows: Row[] = [];
  let start = 0;
  while (start < lines.length) {
    if (lines[start]!.kind !== 'same') {
      rows.push(lines[start]!);
      start += 1;
      continue;
    }
    let end = start;
    while (end < lines.length && lines[end]!.kind === 'same') end += 1;
    const head = start === 0 ? 0 : CONTEXT;
    const tail = end === lines.length ? 0 : CONTEXT;
    if (end - start > head + tail + 1) rows.push(...lines.slice(start, start + head), { kind: 'fold', count: end - start - head - tail }, ...lines.slice(end - tail, end));
    else rows.push(...lines.slice(start, end));
    start = end;
  }
  return rows;
}

/** A readable line diff: removed lines in red, added in green, long unchanged runs folded. */
export function DiffView({ lines }: { lines: readonly DiffLine[] }) {
  const { t } = useTranslation();
  if (!lines.some((line) => line.kind !== 'same')) return <p className="muted">{t('sop.diff.none')}</p>;
  return (
    <pre className="sop-diff" aria-label={t('sop.diff.label')}>
      {foldRuns(lines).map((row, index) =>
        row.kind === 'fold' ? (
          <span key={index} className="sop-diff__fold">{t('sop.diff.folded', { count: row.count })}</span>
        ) : (
          <span key={index} className={`sop-diff__${row.kind}`}>{`${row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '− ' : '  '}${row.text}`}</span>
        ),
      )}
    </pre>
  );
}
