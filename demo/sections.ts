/** A removable list entry of the `lab-items` section. */
export interface Item {
  id: string;
  name: string;
}

/** What one settings field accepts; the single source for defaults, validation and form coercion. */
export type FieldSpec =
  | { kind: 'text'; maxLength: number; default: string }
  | { kind: 'secret'; maxLength: number; default: string }
  | { kind: 'choice'; options: readonly string[]; default: string }
  | { kind: 'flag'; default: boolean }
  | { kind: 'number'; min: number; max: number; integer: boolean; default: number }
  | { kind: 'items'; default: readonly Item[] };

export type SectionSpec = Record<string, FieldSpec>;
export type SectionValues = Record<string, unknown>;

/** Greeting styles of the "Bot names" section: stored value → visible label. */
export const GREETING_STYLES = { formal: 'Formal', friendly: 'Friendly', playful: 'Playful' } as const;
/** Review modes of the "Intern" section: stored value → visible label. */
export const REVIEW_MODES = { always: 'Always review', sometimes: 'Sometimes', never: 'Never' } as const;
/** Models of the "Brain" section: stored value → visible label. */
export const MODELS = {
  'gpt-4o': 'GPT-4o',
  'claude-sonnet-4': 'Claude Sonnet 4',
  'llama-3.1-70b': 'Llama 3.1 70B',
  'mistral-large': 'Mistral Large',
} as const;
/** Regions of the framework-style app settings page: stored value → visible label. */
export const REGIONS = { 'us-east': 'US East', 'eu-west': 'EU West', 'ap-south': 'Asia Pacific' } as const;

const keys = (labels: Record<string, string>): string[] => Object.keys(labels);
const note = (value: string): FieldSpec => ({ kind: 'text', maxLength: 2_000, default: value });

/** Every section the demo dashboard stores, keyed by the section slug used in URLs. */
export const SECTIONS: Record<string, SectionSpec> = {
  'bot-names': {
    primaryName: { kind: 'text', maxLength: 80, default: 'Ada' },
    fallbackName: { kind: 'text', maxLength: 80, default: 'Backup Bot' },
    greetingStyle: { kind: 'choice', options: keys(GREETING_STYLES), default: 'friendly' },
  },
  intern: {
    enabled: { kind: 'flag', default: true },
    canOpenTickets: { kind: 'flag', default: true },
    canCloseTickets: { kind: 'flag', default: false },
    reviewMode: { kind: 'choice', options: keys(REVIEW_MODES), default: 'always' },
    maxTicketsPerDay: { kind: 'number', min: 0, max: 500, integer: true, default: 25 },
  },
  brain: {
    model: { kind: 'choice', options: keys(MODELS), default: 'gpt-4o' },
    temperature: { kind: 'number', min: 0, max: 2, integer: false, default: 0.7 },
    systemPrompt: {
      kind: 'text',
      maxLength: 20_000,
      default: 'You are a helpful support assistant for Acme.',
    },
    apiKey: { kind: 'secret', maxLength: 500, default: '' },
  },
  app: {
    teamName: { kind: 'text', maxLength: 80, default: 'Support crew' },
    region: { kind: 'choice', options: keys(REGIONS), default: 'eu-west' },
    notifications: { kind: 'flag', default: true },
    retentionDays: { kind: 'number', min: 1, max: 3_650, integer: true, default: 30 },
  },
  'lab-json': { jsonNote: note('json default') },
  'lab-params': { paramsNote: note('params default') },
  'lab-formdata': { formDataNote: note('formdata default') },
  'lab-blob': { blobNote: note('blob default') },
  'lab-request': { requestNote: note('request default') },
  'lab-xhr': { xhrNote: note('xhr default') },
  'lab-items': {
    items: {
      kind: 'items',
      default: [
        { id: 'alpha', name: 'Alpha queue' },
        { id: 'beta', name: 'Beta queue' },
        { id: 'gamma', name: 'Gamma queue' },
      ],
    },
  },
  'form-click': { clickTitle: note('Weekly digest'), clickNotify: { kind: 'flag', default: false } },
  'form-enter': { enterNickname: note('Robo') },
  'form-request-submit': { scriptedMotto: note('Ship it') },
  'form-formaction': { formactionChannel: note('#support') },
  'form-scripted': {
    scriptedTheme: note('Light'),
    scriptedLimit: { kind: 'number', min: 0, max: 100, integer: true, default: 10 },
  },
  'forge-real': { forgeNote: note('forge default') },
};

/** A fresh copy of a section's default values. */
export function sectionDefaults(spec: SectionSpec): SectionValues {
  return Object.fromEntries(
    Object.entries(spec).map(([name, field]) => [name, structuredClone(field.default)]),
  );
}

/** A section's values as the API shows them: secrets are replaced by a `<name>Set` flag. */
export function publicValues(spec: SectionSpec, values: SectionValues): SectionValues {
  const shown: SectionValues = {};
  for (const [name, field] of Object.entries(spec)) {
    if (field.kind === 'secret') shown[`${name}Set`] = values[name] !== '';
    else shown[name] = values[name];
  }
  return shown;
}
