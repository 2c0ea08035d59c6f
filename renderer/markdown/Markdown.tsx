import { useMemo, type MouseEvent } from 'react';
import { baton } from '../bridge/baton';
import { renderMarkdown } from './render';
import './markdown.css';

/**
 * Sanitised Markdown. A click on a link never navigates this window: the bridge opens it in the
 * person's browser (and checks it is http(s) once more).
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as HTMLElement).closest('a');
    if (!link) return;
    event.preventDefault();
    const url = link.getAttribute('href');
    if (url) void baton.openExternal({ url });
  };
  return (
    // The container only catches clicks bubbling from links, which are keyboard-reachable themselves.
    <div className={`markdown ${className ?? ''}`} onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
