/** Returns a logger that warns about Savepoint's own failures once, so a broken bridge never floods the console. */
export function createWarnOnce(label: string): (error: unknown) => void {
  let warned = false;
  return (error) => {
    if (warned) return;
    warned = true;
    console.warn(`Savepoint bridge (${label}) stopped reporting:`, error);
  };
}
