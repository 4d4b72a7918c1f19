/** A write that acknowledges a backup must survive a crash right after it (Chrome 121+ defaults to relaxed). */
export const STRICT = { durability: 'strict' } as const;
