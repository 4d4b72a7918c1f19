import { secretReasonForKey } from './secret-key';

/** Longest text (characters) read as a connection string; real ones are a few hundred. */
const MAX_CONNECTION_STRING_CHARS = 4096;
/** A `name=value` setting of a connection string (`Password=…`, `AccountKey=…`, `password=…` in a Redis list). */
const SETTING = /^\s*([A-Za-z][\w .-]{0,40})\s*=(.*)$/s;

/**
 * True for an ADO.NET, ODBC, Azure or StackExchange.Redis connection string (`Server=…;Password=…`,
 * `AccountKey=…`, `host:6380,password=…`) with a secret-named setting that has a value. Settings are split on `;`
 * (and `,` for Redis); the secret setting's value is what must not be kept, so the whole string goes.
 */
export function connectionStringHoldsSecret(text: string): boolean {
  if (text.length > MAX_CONNECTION_STRING_CHARS || !text.includes('=') || !/[;,]/.test(text)) return false;
  const settings = text.split(/[;,]/).map((part) => SETTING.exec(part));
  if (settings.filter(Boolean).length < 2) return false;
  return settings.some(
    (setting) => !!setting && setting[2]!.trim() !== '' && !!secretReasonForKey(setting[1]!),
  );
}
