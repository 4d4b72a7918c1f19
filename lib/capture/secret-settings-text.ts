import { secretReasonForKey } from './secret-key';
import { isTokenCount } from './secret-token-count';

/** Lines of a text read for settings; a pasted config is short, and this bounds the work on a long text. */
const MAX_LINES = 500;
/**
 * A setting on a line of dotenv, YAML, INI or properties text (`API_SECRET=…`, `password: …`, `token = …`,
 * `export KEY=…`, `- pin: …`): a name without spaces, then `=` or `:` (not `://`), then a value.
 */
const SETTING_LINE = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][\w.-]{0,80})["']?\s*(?:=|:(?!\/\/))\s*(\S.*)$/;
/** A note telling a secret in words: `the admin password is Hunter2!`, `API key: sk…`, `pw = …`. */
const TOLD =
  /\b(password|passwd|passcode|passphrase|pwd|pw|pin|token|secret|api[ _-]?key)\s*(?:is|was|=|:)\s*["']?(\S+)/gi;
/** An `Authorization` scheme and its credential inside text (`-H 'Authorization: Bearer abc123…'`). */
const AUTH_IN_TEXT = /\b(?:bearer|basic|token)\s+([\w.~+/-]{12,}=*)/gi;

/** A told value that reads as a credential rather than a word (`required`, `optional`): a digit or a symbol. */
function looksTold(value: string): boolean {
  return value.length >= 4 && /[a-z]/i.test(value) && /[\d\W_]/.test(value.replace(/[.,;)!?]+$/, ''));
}

/**
 * True when a text holds a secret setting of its own: a dotenv/YAML/INI line whose name is a secret's
 * (`DB_PASSWORD=…`), a note telling one (`the password is Hunter2!`), or an `Authorization` credential. The text
 * is then left out whole. A count under a bare `token` (`token: 4096`) is not a secret.
 */
export function settingsTextHoldsSecret(text: string): boolean {
  for (const line of text.split('\n', MAX_LINES)) {
    const setting = SETTING_LINE.exec(line);
    if (setting && secretReasonForKey(setting[1]!) && !isTokenCount(setting[1]!, setting[2]!.trim()))
      return true;
  }
  for (const [, , value] of text.matchAll(TOLD)) if (looksTold(value!)) return true;
  for (const [, credential] of text.matchAll(AUTH_IN_TEXT))
    if (/\d/.test(credential!) && /[a-z]/i.test(credential!)) return true;
  return false;
}
