/** One key per section of a workspace. */
export const sectionKey = (workspace: string, type: string) => JSON.stringify([workspace, type]);
