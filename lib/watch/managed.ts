/** What the popup and the options page say, and what an edit refuses with, where the administrator decides. */
export const MANAGED = 'Managed by your administrator';
