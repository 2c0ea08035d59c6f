import type { NoticeKind, SyncNotice } from '../../../shared/sync/status';

const MAX_NOTICES = 50;

/** Things a person should hear about once (a copied profile, a rebuilt cache), newest last. */
export class Notices {
  private list: SyncNotice[] = [];

  constructor(private readonly now: () => number) {}

  add(kind: NoticeKind, detail: string, data: Record<string, string> = {}): void {
    // The same problem again (a publish failing every poll) is one notice, not a flood.
    const last = this.list.at(-1);
    if (last && last.kind === kind && last.detail === detail) return;
    this.list = [...this.list, { kind, at: this.now(), detail, data }].slice(-MAX_NOTICES);
  }

  get all(): readonly SyncNotice[] {
    return this.list;
  }
}
