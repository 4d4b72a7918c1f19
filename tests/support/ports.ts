/** (port) of the demo dashboard during end-to-end tests. */
export const DEMO_PORT = 4410;
/** (port) of the local Convex during end-to-end tests; its control API listens on the next one. */
export const CONVEX_PORT = 3220;
export const CONVEX_CONTROL_PORT = 3221;
/** Admin key of workspace "acme" that the local Convex registers for the tests. */
export const TEST_ACME_KEY = 'sp_test_acme_admin_key_0123456789abcdef';
/** Token of the local Convex's control API during end-to-end tests (sent as `Authorization: Bearer …`). */
export const TEST_CONTROL_TOKEN = 'sp_test_control_token_0123456789abcdef';
/** Headers of a request to the control API. */
export const CONTROL_HEADERS = { Authorization: `Bearer ${TEST_CONTROL_TOKEN}` };

export const DEMO_URL = `http://127.0.0.1:${DEMO_PORT}`;
export const CONVEX_URL = `http://127.0.0.1:${CONVEX_PORT}`;
export const CONTROL_URL = `http://127.0.0.1:${CONVEX_CONTROL_PORT}`;
/** The dashboard pattern the tests watch: any port, workspace from the first path segment. */
export const DEMO_PATTERN = 'http://127.0.0.1:*/:workspace/*';
