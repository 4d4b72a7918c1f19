import { describe, expect, it, vi } from 'vitest';
import { restrictStorage } from '../../../lib/background/restrict-storage';

describe('restrictStorage', () => {
  it('keeps storage.local to trusted contexts where the browser can', async () => {
    const setAccessLevel = vi.fn(async () => undefined);
    expect(await restrictStorage({ setAccessLevel })).toBe(true);
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('leaves a browser without the call (Firefox) as it is, and never throws', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await restrictStorage({})).toBe(false);
    expect(await restrictStorage({ setAccessLevel: () => Promise.reject(new Error('no')) })).toBe(false);
  });
});
