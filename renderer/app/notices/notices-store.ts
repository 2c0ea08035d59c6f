import type { TFunction } from 'i18next';
import { create } from 'zustand';
import { i18n } from '../../i18n/i18n';

export type NoticeTone = 'success' | 'error';

/** A message is worded when shown, so a notice still on screen follows a language switch. */
export type NoticeMessage = (t: TFunction) => string;

export interface Notice {
  id: number;
  tone: NoticeTone;
  message: NoticeMessage;
}

interface NoticesState {
  notices: Notice[];
  dismiss(id: number): void;
}

/** Errors stay until dismissed so nobody misses one; confirmations fade after a few seconds. */
const fadeAfterMs = 5000;
const mostShown = 4;
let nextId = 1;

export const useNotices = create<NoticesState>()((set) => ({
  notices: [],
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** Shows a short, non-blocking message; one already on screen is not repeated. */
export function notify(tone: NoticeTone, message: NoticeMessage): void {
  const { notices, dismiss } = useNotices.getState();
  const text = message(i18n.t);
  if (notices.some((n) => n.message(i18n.t) === text)) return;
  const id = nextId++;
  useNotices.setState({ notices: [...notices, { id, tone, message }].slice(-mostShown) });
  if (tone !== 'error') setTimeout(() => dismiss(id), fadeAfterMs);
}
