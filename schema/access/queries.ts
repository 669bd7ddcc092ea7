import { asc, eq } from "drizzle-orm";
import { grants, permissions, roles, sites, trials } from "../../db/schema/index.js";
import { UserRef } from "../accounts/types.js";
import { Access, grantResource } from "../core/authorization.js";
import { builder } from "../core/builder.js";
import type { Context } from "../core/context.js";
import { forbidden } from "../core/errors.js";
import { decodeResourceId, encodeGlobalId } from "../core/ids.js";
import { PERMISSIONS, type Permission } from "../core/permissions-list.js";
import { RESOURCE_NAMES } from "../core/resources.js";
import { isAdminUser, rolePermissionsOn } from "../core/roles.js";
import { SiteRef } from "../organizations/refs.js";
import { TrialRef } from "../trials/refs.js";
import { resourceRef } from "./grants.js";

/** What each permission allows, for the schema's readers (the permissions table holds the same, shorter). */
const PERMISSION_DESCRIPTIONS: Record<Permission, string> = {
  add_funding: "Deposit funding into a contract (addFunding).",
  add_milestone: "Add or re-price milestones of a payment schedule (addMilestone).",
  add_participant:
    "Register participants and their caregivers, and edit caregivers (addParticipant, registerCaregiver).",
  add_trial_site: "Add a site to a trial (addTrialSite).",
  approve_payments:
    "Approve or reject pending payments such as reimbursements (approvePayment, rejectPayment).",
  approve_travel: "Approve or reject pending travel payments (reserved: no operation asks for it yet).",
  assign_role: "Assign roles to users on a resource (assignRole).",
  bulk_email: "E-mail everyone enrolled in a trial at a site (bulkEmail).",
  create_appointment: "Schedule participants' appointments and mark how they went.",
  create_site: "Create sites under a client (createSite).",
  create_trial: "Create trials under a contract (createTrial).",
  delete_site: "Delete sites that are in no trial (deleteSite).",
  delete_trial: "Delete trials without enrollments (deleteTrial).",
  edit_contract: "Edit contracts and upload their documents (editContract, uploadContractDocument).",
  edit_trial: "Edit trials (editTrial), their expense categories and mileage rate (setMileageRate).",
  enroll: "Enroll participants in a trial at a site (enroll).",
  get_document: "Download stored documents (reserved: no operation asks for it yet).",
  grant:
    "Grant and revoke, on a resource, the permissions you hold there (grantPermissions, revokePermissions).",
  manage_api_clients:
    "Ask for API access for the client, accept its data use agreement, and manage its API clients and request log (requestApiAccess, issueApiCredentials, rotateApiClientSecret, revokeApiClient, apiRequestLog).",
  manage_prescreening:
    "Edit a trial's pre-screening questionnaire, publish its versions and choose its recruiting trial sites (saveQuestionnaireDraft, publishQuestionnaire, setRecruitingSite); read its funnel metrics and referral log and export them (prescreeningMetrics, referralLog, requestPrescreeningReport).",
  manual_payment: "Make manual payments and reimbursements (requestReimbursement).",
  messaging: "Message participants and read their messages (sendMessage, messages).",
  milestone_payment: "Pay milestones of the payment schedule (payMilestone, payMilestones).",
  set_enrollment_status: "Change an enrollment's status: enrolled, dropped, completed (setEnrollmentStatus).",
  set_payment_type: "Set how a participant is paid (setPaymentType).",
  travel_payment: "Make mileage (travel) payments (payMileage).",
  update_participant: "Update participants' details (updateParticipant).",
  upload_document: "Upload documents (reserved: contract documents need edit_contract).",
  view_candidates:
    "See the candidates referred to a trial site and enroll them (TrialSite.referredCandidates, enrollCandidate).",
  view_clients: "Read clients' details beyond their name (tax id, contacts, address).",
  view_contract: "Read contracts' details, documents and funding.",
  view_enrollments: "Read enrollments and their status.",
  view_participants: "Read participants' personal details.",
  view_payment_schedule: "Read payment schedules (milestones and their amounts).",
  view_payments: "Read payments, their history and totals.",
  view_reports: "Run reports (requestFundingReport, requestTrialPaymentReport) and read visit ratings.",
  view_sites: "Read sites' details beyond their name.",
  view_trials: "Read trials' details beyond their name.",
};

export const PermissionNameEnum = builder.enumType("PermissionName", {
  description:
    "A permission, granted to a user on a resource (a client, contract, trial, site or trial site) and covering everything below it.",
  values: Object.fromEntries(
    PERMISSIONS.map((p) => [p.toUpperCase(), { value: p, description: PERMISSION_DESCRIPTIONS[p] }]),
  ) as Record<Uppercase<Permission>, { value: Permission; description: string }>,
});

export const ResourceTypeEnum = builder.enumType("ResourceType", {
  description: "The kind of resource a permission is granted on.",
  values: {
    CLIENT: {
      value: "client",
      description: "A client (sponsor or CRO): covers its contracts, trials and sites.",
    },
    CONTRACT: { value: "contract", description: "A contract: covers its trials and their trial sites." },
    TRIAL: { value: "trial", description: "A trial: covers its trial sites and their enrollments." },
    SITE: { value: "site", description: "A site (clinic): covers its trial sites, in every trial." },
    TRIAL_SITE: {
      value: "trialSite",
      description: "One site in one trial: covers that trial's work at that site only.",
    },
  } as const,
});

const PermissionInfoRef = builder
  .objectRef<{ name: string; description: string }>("PermissionInfo")
  .implement({
    description: "A permission that can be granted, with what it allows.",
    fields: (t) => ({
      name: t.field({
        type: PermissionNameEnum,
        description: "The permission.",
        resolve: (p) => p.name as Permission,
      }),
      description: t.exposeString("description", { description: "What it allows, in a few words." }),
    }),
  });

const RoleRef = builder.objectRef<{ name: string; description: string }>("Role").implement({
  description: "A named permission template; assigning it on a resource grants its permissions there.",
  fields: (t) => ({
    name: t.exposeString("name", {
      description: "The role's name, e.g. Site Coordinator; assignRole takes it.",
    }),
    description: t.exposeString("description", { description: "Who the role is for." }),
  }),
});

const RolePermissionsRef = builder
  .objectRef<{ permissions: Permission[]; overridden: boolean }>("RolePermissions")
  .implement({
    description: "The permissions a role grants when assigned (on one resource, or by default).",
    fields: (t) => ({
      permissions: t.field({
        type: [PermissionNameEnum],
        description: "The permissions assigning the role grants.",
        resolve: (r) => r.permissions,
      }),
      overridden: t.exposeBoolean("overridden", {
        description: "True when the resource has its own template.",
      }),
    }),
  });

type GrantRow = typeof grants.$inferSelect;

const GrantRef = builder.objectRef<GrantRow>("Grant").implement({
  description: "A permission a user holds on a resource (and everything below it), or system-wide.",
  fields: (t) => ({
    permission: t.field({
      type: PermissionNameEnum,
      description: "The permission granted.",
      resolve: (g) => g.permissionName as Permission,
    }),
    resourceType: t.field({
      type: ResourceTypeEnum,
      nullable: true,
      description: "The kind of resource it is granted on; null for a system-wide grant.",
      resolve: (g) => grantResource(g)?.type ?? null,
    }),
    resourceId: t.id({
      nullable: true,
      description: "The resource's global id; null for a system-wide grant.",
      resolve: (g) => {
        const r = grantResource(g);
        return r ? encodeGlobalId(RESOURCE_NAMES[r.type], r.id) : null;
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was granted." }),
  }),
});

/** Whose grants/sites/trials a query reads: your own, or anyone's for admins. */
function ownOrAdmin(ctx: Context, userId: string) {
  if (ctx.viewer?.userId !== userId && !ctx.viewer?.isAdmin)
    throw forbidden("Only admins can read another user's access.");
}

/** The access decisions of another user, to list what their grants reach. */
async function accessOf(ctx: Context, userId: string) {
  return Access.forUser(ctx.db, { userId, isAdmin: await isAdminUser(ctx.db, userId) });
}

builder.queryFields((t) => ({
  permissions: t.field({
    type: [PermissionInfoRef],
    description: "Every permission in the system (not all are available to you).",
    resolve: (_root, _args, ctx) => ctx.db.select().from(permissions).orderBy(asc(permissions.name)),
  }),
  roles: t.field({
    type: [RoleRef],
    description: "Every role (permission template).",
    resolve: (_root, _args, ctx) => ctx.db.select().from(roles).orderBy(asc(roles.name)),
  }),
  roleTemplate: t.field({
    type: RolePermissionsRef,
    description:
      "A role's permissions: its default template, or with `resourceId` (admins) the template on that resource (its override, else the default).",
    args: {
      roleName: t.arg.string({ required: true, description: "The role's name, as `roles` lists it." }),
      resourceId: t.arg.id({
        required: false,
        description:
          "Admins only: the global id of a client, contract, trial, site or trial site; omit for the default.",
      }),
    },
    resolve: (_root, args, ctx) => {
      if (args.resourceId && !ctx.viewer?.isAdmin)
        throw forbidden("Only admins can read a resource's role templates.");
      const resource = args.resourceId ? decodeResourceId(args.resourceId, "resourceId") : null;
      return rolePermissionsOn(ctx.db, args.roleName, resourceRef(resource));
    },
  }),
  userGrants: t.field({
    type: [GrantRef],
    description: "A user's grants: your own, or anyone's for admins.",
    args: {
      userId: t.arg.globalID({
        required: true,
        for: UserRef,
        description: "The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN.",
      }),
    },
    resolve: (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      return ctx.db
        .select()
        .from(grants)
        .where(eq(grants.userId, args.userId.id))
        .orderBy(asc(grants.permissionName));
    },
  }),
  userSites: t.field({
    type: [SiteRef],
    description: "The sites a user's permissions reach: your own, or anyone's for admins.",
    args: {
      userId: t.arg.globalID({
        required: true,
        for: UserRef,
        description: "The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      const visible = await (await accessOf(ctx, args.userId.id)).visibleSql("site");
      return ctx.db.select().from(sites).where(visible).orderBy(asc(sites.name));
    },
  }),
  userTrials: t.field({
    type: [TrialRef],
    description: "The trials a user's permissions reach: your own, or anyone's for admins.",
    args: {
      userId: t.arg.globalID({
        required: true,
        for: UserRef,
        description: "The user's global id: your own, or (admins) anyone's; another's answers FORBIDDEN.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      ownOrAdmin(ctx, args.userId.id);
      const visible = await (await accessOf(ctx, args.userId.id)).visibleSql("trial");
      return ctx.db.select().from(trials).where(visible).orderBy(asc(trials.name));
    },
  }),
}));
