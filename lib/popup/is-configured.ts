/** Convex is set up: a URL and an access key are stored. */
export function isConfigured(settings: { convexUrl?: unknown; accessKey?: unknown }): boolean {
  return (
    typeof settings.convexUrl === 'string' &&
    settings.convexUrl !== '' &&
    typeof settings.accessKey === 'string' &&
    settings.accessKey !== ''
  );
}
