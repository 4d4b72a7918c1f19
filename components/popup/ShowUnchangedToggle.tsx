interface Props {
  /** How many rows are hidden while it is off. */
  hidden: number;
  checked: boolean;
  onChange: (show: boolean) => void;
}

/** "Show N unchanged": the rows of a change table that do not differ, hidden until asked for (diff, restore preview). */
export function ShowUnchangedToggle({ hidden, checked, onChange }: Props) {
  if (hidden <= 0) return null;
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>Show {hidden} unchanged</span>
    </label>
  );
}
