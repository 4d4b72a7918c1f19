import type { Browser } from 'wxt/browser';
import { MAX_SECTIONS } from '../capture/limits';
import { snapshotDraftSchema, type SnapshotDraft } from '../capture/snapshot-draft';
import type { CapturedField } from '../capture/snapshot';
import type { FieldChange } from '../diff/diff-snapshots';
import type { ApplyReport } from './apply-report';
import { MAX_RETENTION } from '../../convex/sharedLimits';
import { z } from '../zod';

/** Every section a page shows, as drafts: what `capture:drift` sends and `tab:collect` answers. */
export const collectedSchema = z.object({ drafts: z.array(snapshotDraftSchema).max(MAX_SECTIONS) });

/**
 * The one message contract of Savepoint. `from` says who may send it: `content` (a content script in the top frame
 * of a watched dashboard page) or `page` (the extension's own popup and options pages). The background checks it.
 * Messages to content scripts (`tab:*`) go from the background to a tab.
 */
export const protocol = {
  'content:config': {
    from: 'content',
    // Whether the page shows a form with a field marked refused: the answer of a form post the server refused.
    data: z.object({ refused: z.boolean().optional() }),
  },
  'capture:saved': {
    from: 'content',
    data: z.object({
      draft: snapshotDraftSchema,
    }),
  },
  'capture:form-submitted': {
    from: 'content',
    data: z.object({
      draft: snapshotDraftSchema,
      action: z.string().url(),
      method: z.string(),
    }),
  },
  'capture:drift': {
    from: 'content',
    data: collectedSchema,
  },
  'status:retry': { from: 'page', data: z.object({ workspace: z.string().optional() }) },
  'sync:pull': { from: 'page', data: z.object({ workspace: z.string().min(1) }) },
  'capture:now': {
    from: 'page',
    data: z.object({
      tabId: z.number().int(),
      label: z.string().max(200).optional(),
      note: z.string().max(2000).optional(),
    }),
  },
  'backup:pin': { from: 'page', data: z.object({ id: z.string(), pinned: z.boolean() }) },
  'backup:delete': { from: 'page', data: z.object({ id: z.string() }) },
  /** Removes a backup here and ignores its request from now on (a rule on its dashboard). */
  'backup:not-a-save': { from: 'page', data: z.object({ id: z.string() }) },
  'backup:import': { from: 'page', data: z.object({ bundle: z.unknown() }) },
  'restore:preview': { from: 'page', data: z.object({ id: z.string(), tabId: z.number().int().optional() }) },
  'restore:apply': {
    from: 'page',
    data: z.object({
      id: z.string(),
      tabId: z.number().int().optional(),
      fields: z.array(z.string()).optional(),
    }),
  },
  /** Reloads dashboard tabs a restore report named as showing the settings from before it (`staleTabs`). */
  'restore:reload-tabs': { from: 'page', data: z.object({ tabIds: z.array(z.number().int()).max(100) }) },
  /** Sets a workspace's retention in Convex for every device (admin keys). */
  'workspace:set-retention': {
    from: 'page',
    data: z.object({
      workspace: z.string().trim().min(1).max(255),
      retention: z.number().int().min(1).max(MAX_RETENTION),
    }),
  },
  'settings:test-connection': {
    from: 'page',
    data: z.object({ convexUrl: z.string(), accessKey: z.string(), workspace: z.string().optional() }),
  },
  'tab:collect': { from: 'background', data: z.object({}) },
} as const;

export type MessageType = keyof typeof protocol;
export type MessageData<K extends MessageType> = z.infer<(typeof protocol)[K]['data']>;

/**
 * Dashboard configuration a content script needs, derived by the background from the page URL. It carries no salt
 * and no left-out list: secrets are left out in the background, so neither ever enters the page's process.
 */
export interface ContentConfig {
  watched: boolean;
  workspace?: string;
  savePattern?: string;
}

/** What an import did: nothing is applied unless the whole bundle is valid. */
export interface ImportReport {
  added: number;
  identical: number;
  /** Backups whose id is here already with other content: the one here is kept, the imported one left out. */
  conflicting: number;
  invalid: { index: number; reason: string }[];
}

export interface TestConnectionResult {
  ok: boolean;
  message: string;
}

export interface RestorePreview {
  workspace: string;
  type: string;
  title: string;
  /** The section's form is on the page: the restore fills it and presses its save. */
  onPage: boolean;
  /**
   * What the changes compare the backup with: the page's form, the server's state read now, the section's newest
   * backup (its form is not on the page: the best knowledge of what the dashboard holds), or nothing.
   */
  comparedWith: 'page' | 'server' | 'backup' | null;
  /** With `comparedWith: 'backup'`: which backup, and when it was captured (ms since the epoch). */
  comparedBackup?: { id: string; capturedAt: number };
  changes: FieldChange[];
  /** Fields the page shows with an edit it did not save, as the dashboard saved them: put back unless ticked. */
  unsaved?: CapturedField[];
  /**
   * The page saves the section by posting its form: the restore loads it again and fills the form as loaded (what
   * the dashboard holds then, a teammate's newer save included; an edit typed here and not saved is dropped).
   */
  reloads?: true;
  /** With `reloads`: compared with the page as the dashboard saved it (as it loaded), its unsaved edits dropped. */
  comparedAsSaved?: true;
  /** The dashboard's save request the restore will send instead (its form is not on the page). */
  request?: { method: string; url: string };
  /** Why the backup's save request will not be sent from this page. */
  refusal?: string;
  /**
   * Keys of the differing fields the form on the page keeps disabled (locked): the restore fills them only if
   * another restored field enables them (a toggle), else leaves them and reports them "locked on the page".
   */
  locked?: string[];
}

/** Reply types, by message. */
export interface MessageReplies {
  'content:config': ContentConfig;
  /** `dropped`: the write was not a settings save (why, as `classifyWrite` or an ignore rule says). */
  'capture:saved': { id: string; added: boolean } | { dropped: string };
  'capture:form-submitted': { pending: true };
  'capture:drift': { changed: number };
  'status:retry': { ok: true };
  'sync:pull': { added: number };
  'capture:now': { captured: number; message: string };
  'backup:pin': { ok: true };
  'backup:delete': { ok: true };
  /**
   * The rule added to the dashboard `dashboardId` (`managed`: only the administrator can take it back);
   * `keptInConvex`: the backup had reached Convex, where it stays.
   */
  'backup:not-a-save': { rule: string; dashboardId: string; managed: boolean; keptInConvex: boolean };
  'backup:import': ImportReport;
  'restore:preview': RestorePreview;
  'restore:apply': ApplyReport;
  'restore:reload-tabs': { ok: true };
  'workspace:set-retention': { ok: true };
  'settings:test-connection': TestConnectionResult;
  'tab:collect': { drafts: SnapshotDraft[] };
}

export type Envelope = { [K in MessageType]: { type: K; data: MessageData<K> } }[MessageType];

const envelopeSchema = z.object({ type: z.string(), data: z.unknown() });

/** Validates an incoming message against the contract; returns null for anything else. */
export function parseMessage(raw: unknown): Envelope | null {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) return null;
  const type = envelope.data.type as MessageType;
  const data = protocol[type].data.safeParse(envelope.data.data);
  return data.success ? ({ type, data: data.data } as Envelope) : null;
}

export type Sender = Browser.runtime.MessageSender;
/** Messages the background answers; `tab:*` ones are answered by the content script of a tab. */
export type BackgroundMessageType = Exclude<MessageType, TabMessageType>;
/** Messages a tab's capture script answers (see lib/page/capture-agent/start-capture.ts). */
export const TAB_MESSAGES = ['tab:collect'] as const;
export type TabMessageType = (typeof TAB_MESSAGES)[number];
export type Handlers = {
  [K in BackgroundMessageType]: (data: MessageData<K>, sender: Sender) => Promise<MessageReplies[K]>;
};
