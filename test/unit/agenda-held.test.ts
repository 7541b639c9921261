import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { agendaAsHeld } from '../../server/commands/reports/agenda-held';

const topics = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const titles = new Map(topics.map((id, i) => [String(id), `Onderwerp ${i + 1}`]));
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 12, minute));
const session = (status: 'live' | 'ended', currentIndex: number, startedAt: Date | null = at(0), endedAt: Date | null = null) => ({
  agenda: topics.map((topicId) => ({ topicId, minutes: 30 })),
  status,
  live: { currentIndex, timer: null, queue: [], floorUserId: null, startedAt, endedAt },
});

describe('the agenda as held', () => {
  it('adds up the minutes per item from the logged moves and marks items never reached as skipped', () => {
    const log = [
      { action: 'session.start', at: at(0), summary: {} },
      { action: 'agenda.move', at: at(20), summary: { from: 0, to: 2 } },
      { action: 'agenda.move', at: at(50), summary: { from: 2, to: 0 } },
      { action: 'session.end', at: at(55), summary: {} },
    ];
    const held = agendaAsHeld(session('ended', 0), titles, log, at(90));
    expect(held.map((i) => [i.title, i.held, i.actualMinutes])).toEqual([
      ['Onderwerp 1', 'discussed', 25],
      ['Onderwerp 2', 'skipped', null],
      ['Onderwerp 3', 'discussed', 30],
    ]);
  });

  it('counts a live session up to now, with the items not reached still to come', () => {
    const log = [{ action: 'session.start', at: at(0), summary: {} }, { action: 'agenda.move', at: at(10), summary: { from: 0, to: 1 } }];
    const held = agendaAsHeld(session('live', 1), titles, log, at(25));
    expect(held.map((i) => [i.held, i.actualMinutes])).toEqual([
      ['discussed', 10],
      ['discussed', 15],
      ['upcoming', null],
    ]);
  });

  it('without logged moves, tells how far the session got, without durations', () => {
    const held = agendaAsHeld(session('ended', 1, at(0), at(60)), titles, [], at(90));
    expect(held.map((i) => [i.held, i.actualMinutes])).toEqual([
      ['discussed', null],
      ['discussed', null],
      ['skipped', null],
    ]);
  });

  it('reads the moves the session kept, and then not the log', () => {
    const kept = { ...session('ended', 2, at(0), at(70)), live: { ...session('ended', 2, at(0), at(70)).live, moves: [{ to: 1, at: at(25) }, { to: 2, at: at(40) }] } };
    const staleLog = [{ action: 'agenda.move', at: at(5), summary: { from: 0, to: 1 } }];
    expect(agendaAsHeld(kept, titles, staleLog, at(90)).map((i) => [i.held, i.actualMinutes])).toEqual([
      ['discussed', 25],
      ['discussed', 15],
      ['discussed', 30],
    ]);
  });

  it('a live session that kept no move yet spends all its time on the first item', () => {
    const live = { ...session('live', 0, at(0)), live: { ...session('live', 0, at(0)).live, moves: [] } };
    expect(agendaAsHeld(live, titles, [], at(12)).map((i) => [i.held, i.actualMinutes])).toEqual([
      ['discussed', 12],
      ['upcoming', null],
      ['upcoming', null],
    ]);
  });
});

