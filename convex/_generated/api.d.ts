/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as access from "../access.js";
import type * as audit from "../audit.js";
import type * as backupChecks from "../backupChecks.js";
import type * as backupDeltas from "../backupDeltas.js";
import type * as backupPages from "../backupPages.js";
import type * as backupStore from "../backupStore.js";
import type * as backupText from "../backupText.js";
import type * as errors from "../errors.js";
import type * as failedKeyChecks from "../failedKeyChecks.js";
import type * as functions from "../functions.js";
import type * as http from "../http.js";
import type * as httpBackups from "../httpBackups.js";
import type * as httpBody from "../httpBody.js";
import type * as keys from "../keys.js";
import type * as limits from "../limits.js";
import type * as rateLimits from "../rateLimits.js";
import type * as reads from "../reads.js";
import type * as restores from "../restores.js";
import type * as retentionRun from "../retentionRun.js";
import type * as settingsBackups from "../settingsBackups.js";
import type * as sharedLimits from "../sharedLimits.js";
import type * as sharedValues from "../sharedValues.js";
import type * as testing from "../testing.js";
import type * as time from "../time.js";
import type * as workspaceRow from "../workspaceRow.js";
import type * as workspaces from "../workspaces.js";
import type * as writes from "../writes.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  access: typeof access;
  audit: typeof audit;
  backupChecks: typeof backupChecks;
  backupDeltas: typeof backupDeltas;
  backupPages: typeof backupPages;
  backupStore: typeof backupStore;
  backupText: typeof backupText;
  errors: typeof errors;
  failedKeyChecks: typeof failedKeyChecks;
  functions: typeof functions;
  http: typeof http;
  httpBackups: typeof httpBackups;
  httpBody: typeof httpBody;
  keys: typeof keys;
  limits: typeof limits;
  rateLimits: typeof rateLimits;
  reads: typeof reads;
  restores: typeof restores;
  retentionRun: typeof retentionRun;
  settingsBackups: typeof settingsBackups;
  sharedLimits: typeof sharedLimits;
  sharedValues: typeof sharedValues;
  testing: typeof testing;
  time: typeof time;
  workspaceRow: typeof workspaceRow;
  workspaces: typeof workspaces;
  writes: typeof writes;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;
