/** (milliseconds) */
export const SECOND = 1000;
/** (milliseconds) */
export const MINUTE = 60 * SECOND;
