/**
 * (backups) a section may hold beyond its retention between two prunes: 1 %, so none below 100. Reading a section
 * to prune it costs about as much as it holds (265 ms at 10,000 backups): a section at its retention then pays that
 * once in `slack + 1` saves rather than on every save.
 */
export const pruneSlack = (keep: number): number => Math.floor(keep / 100);
