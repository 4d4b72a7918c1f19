/** One line of the benchmark table (and of `bench/results.json`); values carry their unit in the text. */
export interface BenchRow {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** `yes`, `no`, or `—` when the row has no target to meet. */
  met: 'yes' | 'no' | '—';
}

/** `value / baseline` as text (`1.01×`), or `—` when there is no baseline. */
export function ratioText(value: number, baseline: number | null): string {
  if (baseline === null || !Number.isFinite(baseline) || baseline === 0 || !Number.isFinite(value))
    return '—';
  return `${(value / baseline).toFixed(3)}×`;
}

/** `yes` / `no` from a check. */
export function met(ok: boolean): 'yes' | 'no' {
  return ok ? 'yes' : 'no';
}

/** (ms) as text with two decimals. */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** (bytes) as text, with KB (1,024 bytes) when large. */
export function bytes(value: number): string {
  return value >= 10 * 1024 ? `${(value / 1024).toFixed(1)} KB (${value} B)` : `${value} B`;
}

/** A row whose figure could not be measured: the error takes the value's place. */
export function failedRow(figure: string, target: string, error: unknown): BenchRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    figure,
    value: `error: ${message.split('\n')[0]}`,
    baseline: '—',
    ratio: '—',
    target,
    met: 'no',
  };
}
