import { describe, expect, it } from 'vitest';
import { withLock } from '../../lib/with-lock';

describe('withLock without the Web Locks API', () => {
  it('runs the work of one name one at a time, in order', async () => {
    const events: string[] = [];
    const step = (label: string) => async () => {
      events.push(`${label} start`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push(`${label} end`);
      return label;
    };
    const results = await Promise.all([withLock('a', step('one')), withLock('a', step('two'))]);
    expect(results).toEqual(['one', 'two']);
    expect(events).toEqual(['one start', 'one end', 'two start', 'two end']);
  });

  it('lets the next holder run after a failure, and gives the failure to its own caller', async () => {
    const failed = withLock('b', async () => {
      throw new Error('broken');
    });
    const next = withLock('b', async () => 'ran');
    await expect(failed).rejects.toThrow('broken');
    expect(await next).toBe('ran');
  });
});
