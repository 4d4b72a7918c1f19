import { CaptureTools } from '../../components/popup/CaptureTools';
import { TransferTools } from '../../components/popup/TransferTools';
import type { Journal } from '../../lib/journal/create-journal';
import { useBundleTransfer } from '../../lib/popup/use-bundle-transfer';
import type { useCaptureNow } from '../../lib/popup/use-capture-now';
import { useShortcut } from '../../lib/popup/use-shortcut';

interface Props {
  capture: ReturnType<typeof useCaptureNow>;
  /** Why capturing is not possible here, or null when it is. */
  unavailable: string | null;
  journal: Journal | null;
  workspace: string | null;
  selected: Set<string>;
  canExport: boolean;
}

/** The tools menu's content: Capture now with a label, and export or import of backups. */
export function ToolsPanel({ capture, unavailable, journal, workspace, selected, canExport }: Props) {
  const shortcut = useShortcut();
  const transfer = useBundleTransfer(journal, workspace, selected);
  return (
    <>
      <CaptureTools capture={capture} shortcut={shortcut} unavailable={unavailable} />
      <TransferTools transfer={transfer} selectedCount={selected.size} canExport={canExport} />
    </>
  );
}
