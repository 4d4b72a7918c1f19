import { makeFunctionReference, type FunctionReference } from 'convex/server';
import type { api } from '../../convex/_generated/api';

// By name, like convex-api.ts: the extension must not bundle the server code behind `convex/_generated/api`.
const mutation = <T extends FunctionReference<'mutation'>>(name: string) =>
  makeFunctionReference<'mutation'>(name) as unknown as T;

/** Convex's admin-only mutations: each is audited, and refused for capture keys. */
export const convexAdmin = {
  beginRestore: mutation<typeof api.restores.begin>('restores:begin'),
  finishRestore: mutation<typeof api.restores.finish>('restores:finish'),
  setPinned: mutation<typeof api.settingsBackups.setPinned>('settingsBackups:setPinned'),
  deleteBackup: mutation<typeof api.settingsBackups.deleteBackup>('settingsBackups:deleteBackup'),
  setRetention: mutation<typeof api.workspaces.setRetention>('workspaces:setRetention'),
};
