/** "3 fields changed", "1 field changed", "no changes", or "first backup" when there was nothing before. */
export function describeChanges(changedFields: number | null): string {
  if (changedFields === null) return 'first backup';
  if (changedFields === 0) return 'no changes';
  return `${changedFields} ${changedFields === 1 ? 'field' : 'fields'} changed`;
}
