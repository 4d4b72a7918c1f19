import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAfterPageWork, REPORT_DEADLINE } from '../../../lib/page/bridge/after-page-work';

type Win = Window & typeof globalThis;

/** A page window with a task scheduler that runs nothing until `flush()`. */
function withScheduler() {
  const tasks: (() => void)[] = [];
  const postTask = vi.fn((run: () => void) => {
    tasks.push(run);
    return Promise.resolve();
  });
  const win = { scheduler: { postTask } } as unknown as Win;
  return { win, postTask, flush: () => tasks.splice(0).forEach((run) => run()) };
}

describe('createAfterPageWork', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs a report as a background task, after the page's own tasks, and only once", () => {
    const { win, postTask, flush } = withScheduler();
    const run = vi.fn();
    createAfterPageWork(win)(run);
    expect(postTask).toHaveBeenCalledWith(expect.any(Function), { priority: 'background' });
    expect(run).not.toHaveBeenCalled();
    flush();
    expect(run).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(REPORT_DEADLINE * 2);
    expect(run).toHaveBeenCalledOnce();
  });

  it(`runs it ${REPORT_DEADLINE} ms later at the latest on a page too busy to let a background task run`, () => {
    const { win, flush } = withScheduler();
    const run = vi.fn();
    createAfterPageWork(win)(run);
    vi.advanceTimersByTime(REPORT_DEADLINE - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
    flush();
    expect(run).toHaveBeenCalledOnce();
  });

  it('keeps the scheduler it found: a page script replacing it later changes nothing', () => {
    const { win, postTask, flush } = withScheduler();
    const afterPageWork = createAfterPageWork(win);
    const replaced = vi.fn();
    (win as unknown as { scheduler: unknown }).scheduler = { postTask: replaced };
    const run = vi.fn();
    afterPageWork(run);
    expect(replaced).not.toHaveBeenCalled();
    expect(postTask).toHaveBeenCalledOnce();
    flush();
    expect(run).toHaveBeenCalledOnce();
  });

  it('waits for an idle period where there is no task scheduler, with the same deadline', () => {
    const idle: (() => void)[] = [];
    const requestIdleCallback = vi.fn((run: () => void) => idle.push(run));
    const run = vi.fn();
    createAfterPageWork({ requestIdleCallback } as unknown as Win)(run);
    expect(run).not.toHaveBeenCalled();
    idle.forEach((callback) => callback());
    expect(run).toHaveBeenCalledOnce();
    const late = vi.fn();
    createAfterPageWork({ requestIdleCallback } as unknown as Win)(late);
    vi.advanceTimersByTime(REPORT_DEADLINE);
    expect(late).toHaveBeenCalledOnce();
  });

  it('runs it on the next task where the browser has neither', () => {
    const run = vi.fn();
    createAfterPageWork({} as Win)(run);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledOnce();
  });
});
