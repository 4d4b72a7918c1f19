import { ConvexError } from 'convex/values';
import { withoutBidiControls } from '../capture/clean-text';
import type { TestConnectionResult } from '../messaging';
import { plainText } from '../plain-text';
import { createConvexClient } from '../sync/convex-api';
import { convexReads } from '../sync/convex-reads';
import { SECOND } from '../time';
import { z } from '../zod';
import { ROLES } from '../../convex/sharedValues';

/** `reads:whoami`'s answer as Savepoint's functions give it, checked like any data from outside. */
const whoSchema = z.object({
  role: z.enum(ROLES),
  label: z.string().max(200),
  workspaces: z.array(z.string().max(255)).max(1000),
});

/** (ms) the "Test connection" button waits at most. */
const TEST_TIMEOUT = 8 * SECOND;

/** Checks a Convex URL and access key and says exactly what is wrong, in words a user can act on. */
export async function testConnection(input: {
  convexUrl: string;
  accessKey: string;
  workspace?: string;
}): Promise<TestConnectionResult> {
  let url: URL;
  try {
    url = new URL(input.convexUrl);
  } catch {
    return {
      ok: false,
      message: 'The Convex URL is not a valid URL (e.g. https://happy-animal-123.convex.cloud)',
    };
  }
  if (!input.accessKey.trim()) return { ok: false, message: 'Enter an access key' };
  try {
    // An action, not a query: a wrong key is counted against the caller like any other failed key check.
    const answer = await createConvexClient(url.href.replace(/\/$/, ''), TEST_TIMEOUT).action(
      convexReads.whoami,
      {
        accessKey: input.accessKey.trim(),
        ...(input.workspace ? { workspace: input.workspace } : {}),
      },
    );
    const checked = whoSchema.safeParse(answer);
    if (!checked.success) throw new Error("its answer to whoami is not the one Savepoint's functions give");
    const who = checked.data;
    const covers = who.workspaces.map((slug) => `"${slug}"`).join(', ');
    const connected = `Connected: ${who.role} key "${withoutBidiControls(who.label)}" for ${covers}`;
    // A capture key connects as well as an admin key: say what it cannot do before the popup refuses it.
    const limits =
      who.role === 'capture' ? '. It backs up; restoring, pinning and deleting need an admin key' : '';
    return { ok: true, message: connected + limits };
  } catch (error) {
    if (error instanceof ConvexError) {
      const data = error.data as { code?: string; message?: string };
      if (data.code === 'FORBIDDEN')
        return { ok: false, message: data.message ?? 'Key of another workspace' };
      if (data.code === 'UNAUTHENTICATED')
        return { ok: false, message: 'Access key rejected (unknown or revoked)' };
      return { ok: false, message: data.message ?? 'Convex refused the request' };
    }
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return { ok: false, message: `Unreachable: ${url.host} did not answer in time` };
    }
    if (/Failed to fetch|NetworkError|fetch failed/i.test(text)) {
      return { ok: false, message: `Unreachable: nothing answers at ${url.host}` };
    }
    // The server's own words, without its page's markup. A page served as a success fails as JSON instead, and
    // that error quotes the page's first characters: no words of the server's there.
    const said =
      (error instanceof SyntaxError ? '' : plainText(text)) || `${url.host} answered, but not as Convex does`;
    return { ok: false, message: `Not a Convex deployment with Savepoint's functions (${said})` };
  }
}
