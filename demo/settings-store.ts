import { SECTIONS, publicValues, sectionDefaults, type Item, type SectionValues } from './sections';
import { validateSectionInput, type InputOptions } from './validate-section-input';

/** Every section's values of one workspace. */
export type WorkspaceSettings = Record<string, SectionValues>;

/** The outcome of a write: the section as the API shows it, or an HTTP status and message. */
export type WriteResult =
  { ok: true; settings: SectionValues } | { ok: false; status: number; error: string };

/** The in-memory settings store; each server instance owns one, so parallel tests never share state. */
export interface SettingsStore {
  /** The workspace's values, secrets included; defaults are filled in on first use. */
  raw(workspace: string): WorkspaceSettings;
  /** Every section as the API shows it (secrets hidden). */
  publicAll(workspace: string): WorkspaceSettings;
  /** One section as the API shows it, or undefined for an unknown section. */
  publicSection(workspace: string, section: string): SectionValues | undefined;
  /** Validates and merges a save body, keeping the `locked` fields as stored; a refused save changes nothing. */
  save(
    workspace: string,
    section: string,
    input: unknown,
    options: InputOptions,
    locked?: ReadonlySet<string>,
  ): WriteResult;
  /** Removes one entry of an `items` field (the lab's DELETE route). */
  removeItem(workspace: string, section: string, itemId: string): WriteResult;
  /** Forgets every workspace. */
  reset(): void;
}

/** Creates an empty store; workspaces appear with defaults the first time they are read. */
export function createSettingsStore(): SettingsStore {
  const workspaces = new Map<string, WorkspaceSettings>();

  const raw = (workspace: string): WorkspaceSettings => {
    let settings = workspaces.get(workspace);
    if (!settings) {
      settings = Object.fromEntries(
        Object.entries(SECTIONS).map(([section, spec]) => [section, sectionDefaults(spec)]),
      );
      workspaces.set(workspace, settings);
    }
    return settings;
  };

  const publicSection = (workspace: string, section: string): SectionValues | undefined => {
    const spec = SECTIONS[section];
    const values = raw(workspace)[section];
    return spec && values ? publicValues(spec, values) : undefined;
  };

  return {
    raw,
    publicSection,
    publicAll: (workspace) =>
      Object.fromEntries(
        Object.keys(SECTIONS).map((section) => [section, publicSection(workspace, section) ?? {}]),
      ),
    save(workspace, section, input, options, locked = new Set()) {
      const spec = SECTIONS[section];
      const values = raw(workspace)[section];
      if (!spec || !values) return { ok: false, status: 404, error: `Unknown settings section "${section}"` };
      const result = validateSectionInput(spec, input, options);
      if (!result.ok) return result;
      for (const [name, value] of Object.entries(result.changes)) if (!locked.has(name)) values[name] = value;
      return { ok: true, settings: publicValues(spec, values) };
    },
    removeItem(workspace, section, itemId) {
      const spec = SECTIONS[section];
      const values = raw(workspace)[section];
      if (!spec || !values) return { ok: false, status: 404, error: `Unknown settings section "${section}"` };
      const listName = Object.keys(spec).find((name) => spec[name]?.kind === 'items');
      const items = listName ? (values[listName] as Item[]) : undefined;
      const index = items?.findIndex((item) => item.id === itemId) ?? -1;
      if (!listName || !items || index < 0) return { ok: false, status: 404, error: `No item "${itemId}"` };
      values[listName] = items.filter((_, position) => position !== index);
      return { ok: true, settings: publicValues(spec, values) };
    },
    reset: () => workspaces.clear(),
  };
}
