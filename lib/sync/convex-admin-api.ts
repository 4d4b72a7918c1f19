import { makeFunctionReference, type FunctionReference } from 'convex/server';
import type { api } from '../../convex/_generated/api';

// By name, like convex-api.ts: the extension must not bundle the server code behind `convex/_generated/api`.
const action = <T extends FunctionReference<'action'>>(name: string) =>
  makeFunctionReference<'action'>(name) as unknown as T;

/** Convex's admin-only writes, as actions (a wrong key counts against the IP): each is audited, refused for capture keys. */
export const convexAdmin = {
  beginRestore: action<typeof api.writes.beginRestore>('writes:beginRestore'),
  finishRestore: action<typeof api.writes.finishRestore>('writes:finishRestore'),
  setPinned: action<typeof api.writes.setPinned>('writes:setPinned'),
  deleteBackup: action<typeof api.writes.deleteBackup>('writes:deleteBackup'),
  setRetention: action<typeof api.writes.setRetention>('writes:setRetention'),
};
