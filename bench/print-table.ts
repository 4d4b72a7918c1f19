import type { BenchRow } from './bench-row';

const COLUMNS = ['figure', 'value', 'baseline', 'ratio', 'target', 'met'] as const;

/** The rows as one Markdown table, columns padded to line up in a terminal. */
export function formatTable(rows: BenchRow[]): string {
  const cells = [COLUMNS.map(String), ...rows.map((row) => COLUMNS.map((column) => row[column]))];
  const widths = COLUMNS.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const [head = [], ...body] = cells;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
