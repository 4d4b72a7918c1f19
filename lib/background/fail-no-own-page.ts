/** A restore of a backup made elsewhere, from a tab not on its dashboard, with no page of this browser's to open. */
export function failNoOwnPage(title: string): never {
  throw new Error(
    `Savepoint has not captured ${title} in this browser, so it does not open the page this backup names. Open the dashboard page with these settings and restore there`,
  );
}
