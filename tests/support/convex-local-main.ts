import { startLocalConvex } from './convex-local-server';

/** (port) Where ConvexHttpClient and the HTTP routes are served unless CONVEX_LOCAL_PORT says otherwise. */
const DEFAULT_PORT = 3210;

const port = Number(process.env.CONVEX_LOCAL_PORT ?? DEFAULT_PORT);
const controlPort = Number(process.env.CONVEX_LOCAL_CONTROL_PORT ?? port + 1);
const acmeKey = process.env.CONVEX_LOCAL_ACME_KEY || undefined;
const controlToken = process.env.CONVEX_LOCAL_CONTROL_TOKEN || undefined;

const local = await startLocalConvex({
  port,
  controlPort,
  ...(acmeKey === undefined ? {} : { acmeKey }),
  ...(controlToken === undefined ? {} : { controlToken }),
});
console.info(`Local Convex (convex-test, real functions from convex/)
  Convex URL (ConvexHttpClient): ${local.url}
  HTTP routes base URL:          ${local.url}   e.g. POST ${local.url}/settings-backup
  Control API (tests only):      ${local.controlUrl}/control/...  (header Authorization: Bearer ${local.controlToken})
  Workspace "acme" admin key:    ${local.acmeKey}
State is in memory and lost when this process exits.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void local.close().then(() => process.exit(0));
  });
}
