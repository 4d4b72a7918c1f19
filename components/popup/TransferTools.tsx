import type { useBundleTransfer } from '../../lib/popup/use-bundle-transfer';
import { BusyButton } from './BusyButton';
import { Notice } from './Notice';

interface Props {
  transfer: ReturnType<typeof useBundleTransfer>;
  selectedCount: number;
  canExport: boolean;
}

/** Export of backups to a JSON bundle and import of one. */
export function TransferTools({ transfer, selectedCount, canExport }: Props) {
  return (
    <section className="panel transfer-tools" aria-label="Export and import">
      <div className="row">
        <BusyButton busy={transfer.busy} unavailable={!canExport} onPress={() => void transfer.exportFile()}>
          {selectedCount ? `Export ${selectedCount} selected` : 'Export all'}
        </BusyButton>
        <label className="button small file-button">
          Import bundle
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            // aria-disabled while an export or import runs, not disabled: that would drop the focus (see BusyButton).
            aria-disabled={transfer.busy}
            onClick={(event) => {
              if (transfer.busy) event.preventDefault();
            }}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void transfer.importFile(file);
            }}
          />
        </label>
      </div>
      {transfer.message ? (
        <Notice tone={transfer.message.ok ? 'ok' : 'error'}>
          {transfer.message.text}
          {transfer.message.details.map((detail) => (
            <span key={detail} className="notice-detail">
              {detail}
            </span>
          ))}
        </Notice>
      ) : null}
    </section>
  );
}
