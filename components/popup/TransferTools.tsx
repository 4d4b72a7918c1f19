import type { useBundleTransfer } from '../../lib/popup/use-bundle-transfer';
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
        <button
          type="button"
          className="button small"
          onClick={() => void transfer.exportFile()}
          disabled={transfer.busy || !canExport}
        >
          {selectedCount ? `Export ${selectedCount} selected` : 'Export all'}
        </button>
        <label className="button small file-button">
          Import bundle
          <input
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            disabled={transfer.busy}
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
