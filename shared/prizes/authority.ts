import type { Person } from '../team-settings';
import type { ChainStep } from './chain';
import type { DelegateWrite } from './people';
import { nameOf, rolesNow, type OnLeave, type TeamFacts } from './team-facts';

/**
 * Who may decide a step, as a pure function of the roster, the rota's leave and the delegations:
 * a holder of the step's role (or the named member), never the requester; while such a person is
 * on approved leave, the delegate they named decides "as delegate of" them.
 */

export type Authority =
  | { readonly ok: true; readonly asDelegateOf: Person | null }
  | { readonly ok: false; readonly reason: 'unknown-author' | 'self-approval' | 'not-allowed' | 'nobody-named' };

/** memberId → the delegate they named (only their own devices' writes count; the newest wins). */
export type Delegates = ReadonlyMap<string, string>;

export function delegatesOf(entries: ReadonlyArray<{ readonly id: string; readonly writes: readonly DelegateWrite[] }>, facts: TeamFacts): Delegates {
  const delegates = new Map<string, string>();
  for (const { id, writes } of entries) {
    let latest: DelegateWrite | null = null;
    for (const write of writes) {
      if (facts.memberOfDevice(write.deviceId) === id && (latest === null || write.hlc > latest.hlc)) latest = write;
    }
    if (latest?.delegate && latest.delegate !== id) delegates.set(id, latest.delegate);
  }
  return delegates;
}

export interface AuthorityContext {
  readonly facts: TeamFacts;
  readonly onLeave: OnLeave;
  readonly delegates: Delegates;
  readonly requester: string;
}

/** Members who are the step's own deciders (before leave and delegation), never the requester. */
function principals(step: ChainStep, context: AuthorityContext): string[] {
  if (step.kind === 'role') {
    return context.facts
      .members()
      .filter((member) => member.roles.includes(step.role) && member.memberId !== context.requester)
      .map((member) => member.memberId);
  }
  return step.member && step.member.memberId !== context.requester ? [step.member.memberId] : [];
}

/** May the author of an op (device, hlc, instant) decide `step`? */
export function authorityOf(
  author: { readonly deviceId: string; readonly hlc: string; readonly at: number },
  step: ChainStep,
  context: AuthorityContext,
): Authority {
  const memberId = context.facts.memberOfDevice(author.deviceId);
  if (memberId === null) return { ok: false, reason: 'unknown-author' };
  if (memberId === context.requester) return { ok: false, reason: 'self-approval' };
  if (step.kind === 'role' ? context.facts.rolesAt(author.deviceId, author.hlc).includes(step.role) : step.member?.memberId === memberId) {
    return { ok: true, asDelegateOf: null };
  }
  if (step.kind !== 'role' && step.member === null) return { ok: false, reason: 'nobody-named' };
  const principal = principals(step, context).find(
    (candidate) => context.delegates.get(candidate) === memberId && context.onLeave(candidate, author.at),
  );
  if (principal === undefined) return { ok: false, reason: 'not-allowed' };
  return { ok: true, asDelegateOf: { memberId: principal, name: nameOf(context.facts, principal) } };
}

export interface StepDeciders {
  /** Who can decide now: members, each with whom they stand in for (null: in their own right). */
  readonly deciders: ReadonlyArray<{ readonly member: Person; readonly asDelegateOf: Person | null }>;
  /** When nobody can: why, and who can fix it. */
  readonly stuck: null | { readonly reason: 'nobody-holds-role' | 'nobody-named' | 'all-on-leave'; readonly fixedBy: 'admin' | 'lead' };
}

export function decidersOf(step: ChainStep, context: AuthorityContext, now: number): StepDeciders {
  const person = (memberId: string): Person => ({ memberId, name: nameOf(context.facts, memberId) });
  const deciders: Array<StepDeciders['deciders'][number]> = [];
  const candidates = principals(step, context);
  for (const memberId of candidates) {
    if (!context.onLeave(memberId, now)) {
      deciders.push({ member: person(memberId), asDelegateOf: null });
      continue;
    }
    const delegate = context.delegates.get(memberId);
    if (delegate && delegate !== context.requester && rolesNow(context.facts, delegate).length > 0) {
      deciders.push({ member: person(delegate), asDelegateOf: person(memberId) });
    }
  }
  if (deciders.length > 0) return { deciders, stuck: null };
  if (step.kind !== 'role') return { deciders, stuck: { reason: candidates.length === 0 ? 'nobody-named' : 'all-on-leave', fixedBy: 'lead' } };
  return { deciders, stuck: { reason: candidates.length === 0 ? 'nobody-holds-role' : 'all-on-leave', fixedBy: candidates.length === 0 ? 'admin' : 'lead' } };
}
