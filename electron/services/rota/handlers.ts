import { ApiFailure } from '../../../shared/api/result';
import type { rotaOperations } from '../../../shared/api/rota-contract';
import type { HandlersOf } from '../dispatch';
import { rotaCsv, rotaIcs } from './calendar-export';
import { previewCsv } from './csv-import';
import { holidaysFromIcs } from './holiday-import';
import type { RotaService } from './rota-service';


/** The bridge's rota operations, each a thin call into the service (files are made here, in memory). */
export function rotaHandlers(service: RotaService, now: () => number = Date.now): HandlersOf<typeof rotaOperations> {
  return {
    getRota: async ({ from, days }) => service.getRota(from, days),
    getOnDuty: async () => service.getOnDuty(),
    getRotaRequests: async () => service.getRequests(),
    setRotaSlot: async ({ date, shiftTypeId, primary, backup }) => service.setSlot(date, shiftTypeId, { primary, backup }),
    publishRotaMonth: async ({ month }) => service.publishMonth(month),
    requestLeave: async ({ memberId, leaveType, from, to, note }) => service.requestLeave({ memberId, leaveType, from, to, note: note ?? '' }),
    decideRotaRequest: async ({ kind, id, approved, note }) => service.decide(kind, id, approved, note ?? ''),
    withdrawRotaRequest: async ({ kind, id }) => service.withdraw(kind, id),
    requestCover: async ({ date, shiftTypeId, memberId, note }) => service.requestCover({ date, shiftTypeId, memberId, note: note ?? '' }),
    takeCover: async ({ id }) => service.takeCover(id),
    assignStandIn: async ({ date, shiftTypeId, memberId, standIn, note }) => service.assignStandIn({ date, shiftTypeId, memberId, standIn, note: note ?? '' }),
    getCoverCandidates: async ({ id }) => service.getCandidates(id),
    proposeSwap: async ({ from, to, note }) => service.proposeSwap(from, to, note ?? ''),
    answerSwap: async ({ id, accepted }) => service.answerSwap(id, accepted),
    getRotaSettings: async () => service.getSettings(),
    setRotaSettings: async (changes) => service.setSettings(changes),
    applyRotaPattern: async ({ patternId, from, to }) => service.applyPattern(patternId, from, to),
    importHolidays: async ({ ics }) => {
      let holidays;
      try {
        holidays = holidaysFromIcs(ics);
      } catch (error) {
        throw new ApiFailure('invalid-input', (error as Error).message);
      }
      const byDate = new Map(service.getSettings().holidays.map((holiday) => [holiday.date, holiday]));
      for (const holiday of holidays) byDate.set(holiday.date, holiday);
      return { added: holidays.length, ...service.setSettings({ holidays: [...byDate.values()] }) };
    },
    getFairness: async ({ period }) => service.getFairness(period),
    exportRota: async ({ format, memberId, from, to }) => {
      if (from > to) throw new ApiFailure('invalid-input', 'the range ends before it starts');
      const world = service.world();
      const text = format === 'ics' ? rotaIcs(world, { from, to, memberId }, now()) : rotaCsv(world, { from, to, memberId });
      return { fileName: `baton-rota-${from}-${to}${memberId ? '-' + memberId : ''}.${format}`, text };
    },
    previewRotaCsv: async ({ text }) => previewCsv(service.world(), text),
    importRotaCsv: async ({ text }) => {
      const preview = previewCsv(service.world(), text);
      if (preview.fileProblems.length > 0 || preview.bad > 0 || preview.good === 0) {
        throw new ApiFailure('invalid-input', preview.fileProblems[0] ?? `${preview.bad} rows cannot be imported; nothing was written`);
      }
      const slots = new Map(preview.rows.map((row) => [row.key!, row.assignment!]));
      return { written: slots.size, ...service.setSlots(slots) };
    },
  };
}
