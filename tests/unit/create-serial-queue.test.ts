import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../lib/create-serial-queue';

describe('createSerialQueue', () => {
  it('runs its tasks one at a time, in the order given', async () => {
    const serial = createSerialQueue();
    const events: string[] = [];
    const step = (label: string, ms: number) => async () => {
      events.push(`${label} start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${label} end`);
      return label;
    };
    const results = await Promise.all([serial(step('one', 10)), serial(step('two', 1))]);
    expect(results).toEqual(['one', 'two']);
    expect(events).toEqual(['one start', 'one end', 'two start', 'two end']);
  });

  it('runs the next task after one fails, and gives the failure to its own caller only', async () => {
    const serial = createSerialQueue();
    const failed = serial(async () => {
      throw new Error('broken');
    });
    const next = serial(async () => 'ran');
    await expect(failed).rejects.toThrow('broken');
    expect(await next).toBe('ran');
  });

  it('keeps the tasks of two queues apart', async () => {
    const [a, b] = [createSerialQueue(), createSerialQueue()];
    let release: () => void = () => undefined;
    const blocked = a(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    // b's task ends while a's is still running: had they shared a queue, this would wait for ever.
    expect(await b(async () => 'b ran')).toBe('b ran');
    release();
    await blocked;
  });
});
