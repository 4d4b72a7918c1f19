import { MAX_RETENTION } from '../../convex/sharedLimits';
import { patternError } from '../watch/dashboard-pattern';
import { z } from '../zod';

/** Settings an administrator can lock, as named in `public/managed-schema.json`. */
export const LOCKABLE_SETTINGS = ['convexUrl', 'watchedDashboards', 'retentionPerSection'] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

const managedDashboardSchema = z.object({
  pattern: z
    .string()
    .trim()
    .refine((pattern) => patternError(pattern) === null),
  savePattern: z.string().trim().min(1).optional().catch(undefined),
  extraLeftOut: z.array(z.string().trim().min(1)).default([]).catch([]),
});
export type ManagedDashboard = z.infer<typeof managedDashboardSchema>;

// Each field falls back on its own: one mistyped value in a policy must not discard the rest of it.
const policyFieldsSchema = z.object({
  convexUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ })])
    .optional()
    .catch(undefined),
  watchedDashboards: z.array(z.unknown()).optional().catch(undefined),
  locked: z.array(z.string()).optional().catch(undefined),
  retentionPerSection: z.number().int().min(1).max(MAX_RETENTION).optional().catch(undefined),
});

export interface ManagedPolicy {
  convexUrl?: string;
  watchedDashboards?: ManagedDashboard[];
  locked?: string[];
  retentionPerSection?: number;
}

/** Validates a raw managed policy field by field, dropping what is malformed (an empty policy for non-objects). */
export function parseManagedPolicy(raw: unknown): ManagedPolicy {
  const fields = policyFieldsSchema.safeParse(raw);
  if (!fields.success) return {};
  const { convexUrl, watchedDashboards, locked, retentionPerSection } = fields.data;
  const policy: ManagedPolicy = {};
  if (convexUrl !== undefined) policy.convexUrl = convexUrl;
  if (watchedDashboards) {
    policy.watchedDashboards = watchedDashboards.flatMap((entry) => {
      const parsed = managedDashboardSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }
  if (locked) policy.locked = locked;
  if (retentionPerSection !== undefined) policy.retentionPerSection = retentionPerSection;
  return policy;
}
