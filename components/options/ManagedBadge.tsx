/** Marks something the administrator's policy sets, which the user cannot change here. */
export function ManagedBadge({ id }: { id?: string }) {
  return (
    <span className="badge" id={id}>
      Managed by your administrator
    </span>
  );
}
