// /api/console/sso-mappings: which identity-provider groups put a single sign-on user in which
// team and give them which console role (users.manage). Applied at each sign-on.
import { z } from "zod";
import { role } from "./users";
import { teamRole } from "./teams";

export const ssoMappingsPath = "/api/console/sso-mappings";

export const SSO_GROUP_MAX = 256;
export const SSO_RULES_MAX = 200;

/**
 * One rule: a user whose groups claim lists `group` (exactly, case included) gets its team (the
 * first matching rule with a team decides) and its role (the highest among matching rules).
 */
export const ssoRule = z
  .object({
    group: z
      .string({ error: "Name the group." })
      .trim()
      .min(1, { error: "Name the group." })
      .max(SSO_GROUP_MAX, { error: `Use at most ${SSO_GROUP_MAX} characters.` }),
    teamId: z.string({ error: "Pick a team or none." }).min(1).nullable(),
    /** Their role in the team; ignored (and answered as null) without a team. */
    teamRole: teamRole.nullable(),
    role: role.nullable(),
  })
  .refine((r) => r.teamId !== null || r.role !== null, {
    error: "Pick a team, a role, or both.",
    path: ["teamId"],
  });
export type SsoRule = z.infer<typeof ssoRule>;

/** PUT /api/console/sso-mappings → the same as GET: the whole ordered list replaces the old. */
export const putSsoMappingsBody = z.object({
  rules: z
    .array(ssoRule, { error: "Send the rules as a list." })
    .max(SSO_RULES_MAX, { error: `Use at most ${SSO_RULES_MAX} rules.` }),
});
export type PutSsoMappingsBody = z.infer<typeof putSsoMappingsBody>;

export const ssoMappingsResponse = z.object({
  rules: z.array(ssoRule),
  /** The teams a rule can pick, by name. */
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Single sign-on as configured: its button label and the claim read; null when off. */
  sso: z.object({ name: z.string(), groupsClaim: z.string() }).nullable(),
});
export type SsoMappingsResponse = z.infer<typeof ssoMappingsResponse>;
