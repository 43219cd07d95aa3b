import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleWork } from '../../src/transports/idle-work.js';

describe('idle work', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs its tasks one per turn once the client has been quiet, and never again', () => {
    const ran: number[] = [];
    idleWork(
      [0, 1, 2].map((i) => () => void ran.push(i)),
      25,
    );
    vi.advanceTimersByTime(24);
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([0]);
    vi.runAllTimers();
    expect(ran).toEqual([0, 1, 2]);
    vi.runAllTimers();
    expect(ran).toEqual([0, 1, 2]);
  });

  it('pauses on every message and goes on after the next quiet spell', () => {
    const ran: number[] = [];
    const work = idleWork(
      [0, 1, 2, 3].map((i) => () => void ran.push(i)),
      25,
    );
    vi.advanceTimersByTime(25);
    expect(ran).toEqual([0]);
    work.busy(); // a message arrives before the chained task runs
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([0]);
    work.busy();
    vi.advanceTimersByTime(24);
    expect(ran).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(ran).toEqual([0, 1]);
    vi.runAllTimers();
    expect(ran).toEqual([0, 1, 2, 3]);
  });

  it('skips a task that throws and stops for good when asked', () => {
    const ran: number[] = [];
    const work = idleWork(
      [
        () => {
          throw new Error('boom');
        },
        () => void ran.push(1),
        () => void ran.push(2),
      ],
      5,
    );
    vi.advanceTimersByTime(5);
    expect(ran).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran).toEqual([1]);
    work.stop();
    vi.runAllTimers();
    expect(ran).toEqual([1]);
  });

  it('runs no task while the caller says one may not, and goes on after the next quiet spell', () => {
    const ran: number[] = [];
    let answering = true;
    const work = idleWork(
      [0, 1].map((i) => () => void ran.push(i)),
      10,
      () => !answering,
    );
    vi.runAllTimers();
    expect(ran).toEqual([]);
    answering = false;
    work.busy(); // the reply went out
    vi.advanceTimersByTime(10);
    vi.runAllTimers();
    expect(ran).toEqual([0, 1]);
  });
});
