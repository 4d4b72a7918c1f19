import { makeFunctionReference, type FunctionReference } from 'convex/server';
import type { api } from '../../convex/_generated/api';

// By name, like convex-api.ts: the extension must not bundle the server code behind `convex/_generated/api`.
const action = <T extends FunctionReference<'action'>>(name: string) =>
  makeFunctionReference<'action'>(name) as unknown as T;

/** Convex's keyed reads as actions: a wrong key counts against the caller's IP, as for writes. */
export const convexReads = {
  listBackups: action<typeof api.reads.listBackups>('reads:listBackups'),
  whoami: action<typeof api.reads.whoami>('reads:whoami'),
  listChanges: action<typeof api.reads.listChanges>('reads:listChanges'),
};
