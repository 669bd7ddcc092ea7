import { type GraphQLObjectType, getNamedType, isCompositeType, isNonNullType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "../../db/schema/index.js";
import { buildPothosSchema } from "../../schema/index.js";
import { staffWith } from "../support/accounts.js";
import {
  createOrganization,
  globalId,
  grantPermissions,
  type Organization,
} from "../support/organizations.js";
import { createCaregiver, createEnrolledParticipant } from "../support/participants.js";
import { errorCode, type GraphQLResponse, startTestServer, type TestServer } from "../support/server.js";

/**
 * Every field of each type whose fields are not all read alike (docs/field-access.md): those whoever sees the
 * object reads (`seen`), and the others by the permissions that read them (any one of `permissions`). Together
 * they must be all of the type's fields, so a new field has to be placed here — and then is tested.
 * `seer` sees the object without any of those permissions; participants (and caregivers) read `own` too.
 */
const FIELDS: Record<
  string,
  {
    seen: string[];
    needs: { permissions: string[]; fields: string[] }[];
    seer: "staff" | "participant";
    own?: string[];
  }
> = {
  Client: {
    seen: ["contracts", "id", "name", "sites", "uid"],
    needs: [
      {
        permissions: ["view_clients"],
        fields: [
          "address",
          "auditHistory",
          "contactEmail",
          "contactName",
          "contactPhone",
          "createdAt",
          "salesContact",
          "taxId",
          "taxPolicy",
          "updatedAt",
        ],
      },
    ],
    seer: "staff",
  },
  Contract: {
    seen: ["client", "id", "name", "trials", "uid"],
    needs: [
      {
        permissions: ["view_contract"],
        fields: [
          "auditHistory",
          "clientSignatureDate",
          "createdAt",
          "currency",
          "document",
          "endDate",
          "funding",
          "fundingAlerts",
          "lowBalanceThreshold",
          "runway",
          "startDate",
          "totalValue",
          "updatedAt",
          "watchingFunding",
        ],
      },
    ],
    seer: "staff",
  },
  Trial: {
    seen: ["contract", "id", "name", "status", "trialSites", "uid"],
    needs: [
      {
        permissions: ["view_trials"],
        fields: [
          "auditHistory",
          "createdAt",
          "irbDocuments",
          "irbStatus",
          "mileageRate",
          "phase",
          "protocolId",
          "sandbox",
          "updatedAt",
        ],
      },
      { permissions: ["view_contract"], fields: ["runway"] },
      { permissions: ["view_payments"], fields: ["paymentTotals"] },
      {
        permissions: ["manage_prescreening"],
        fields: ["prescreeningMetrics", "questionnaire", "referralLog"],
      },
    ],
    seer: "staff",
    own: [],
  },
  Site: {
    seen: ["client", "id", "name", "trialSites", "uid"],
    needs: [
      {
        permissions: ["view_sites"],
        fields: ["address", "auditHistory", "createdAt", "phone", "timeZone", "updatedAt"],
      },
    ],
    seer: "staff",
    own: ["address", "phone", "timeZone"],
  },
  TrialSite: {
    seen: ["enrollments", "id", "site", "trial", "uid"],
    needs: [
      {
        permissions: ["view_trials", "view_sites"],
        fields: ["auditHistory", "coordinators", "createdAt", "recruitmentNotes", "recruitmentStatus"],
      },
      { permissions: ["view_payments"], fields: ["paymentTotals", "payments"] },
      { permissions: ["manage_prescreening", "view_trials"], fields: ["recruitment"] },
      { permissions: ["view_candidates"], fields: ["referredCandidates"] },
    ],
    seer: "staff",
    own: ["coordinators"],
  },
  Participant: {
    seen: [
      "address",
      "auditHistory", // view_participants, which seeing a participant already takes
      "caregivers",
      "createdAt",
      "dateOfBirth",
      "email",
      "emergencyContact",
      "emergencyPhone",
      "enrollments",
      "firstName",
      "homeSite",
      "id",
      "lastName",
      "phone",
      "timeZone",
      "uid",
      "user",
    ],
    needs: [{ permissions: ["view_payments"], fields: ["payments", "taxYear", "taxpayerDetails"] }],
    seer: "staff",
    own: ["payments", "taxYear", "taxpayerDetails"],
  },
  Enrollment: {
    seen: [
      "appointments",
      "createdAt",
      "id",
      "participant",
      "status",
      "statusChangedAt",
      "subjectId",
      "trial",
      "trialSite",
      "uid",
    ],
    needs: [
      { permissions: ["view_payment_schedule"], fields: ["milestonePayments", "paymentSchedule"] },
      { permissions: ["view_payments", "set_payment_type"], fields: ["payoutMethod"] },
      { permissions: ["view_payments"], fields: ["paymentTotals", "payments"] },
    ],
    seer: "staff",
    own: ["milestonePayments", "paymentSchedule", "payoutMethod", "paymentTotals", "payments"],
  },
  Appointment: {
    seen: [
      "createdAt",
      "description",
      "enrollment",
      "enrollmentId",
      "id",
      "localTime",
      "milestoneName",
      "participant",
      "participantId",
      "reminderSentAt",
      "scheduledAt",
      "status",
      "statusChangedAt",
      "timeZone",
      "uid",
    ],
    needs: [{ permissions: ["view_participants"], fields: ["auditHistory"] }],
    // staff see an appointment only through view_participants, which reads it all: its participant sees it
    seer: "participant",
    own: [],
  },
};

const schema = buildPothosSchema();
const fieldsOf = (type: string) => (schema.getType(type) as GraphQLObjectType).getFields();

/** The arguments given to fields that require some (any value the field accepts: only its rule is asked). */
const ARGUMENTS: Record<string, string> = {
  "Participant.taxYear": `(year: ${new Date().getUTCFullYear()})`,
};

/**
 * A field as a selection: objects by their __typename, so that only the field's own rule is asked; with its
 * ARGUMENTS when it requires any (a field requiring arguments that are not there fails here, to be added).
 */
function select(type: string, field: string) {
  const definition = fieldsOf(type)[field]!;
  const required = definition.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const args = ARGUMENTS[`${type}.${field}`] ?? "";
  if (required.length && !args)
    throw new Error(`${type}.${field} requires arguments: add them to ARGUMENTS.`);
  return isCompositeType(getNamedType(definition.type))
    ? `${field}${args} { __typename }`
    : `${field}${args}`;
}

let server: TestServer;
let org: Organization;
/** Global ids of the objects read, by type: all of client A, the participant's enrollment and appointment. */
let ids: Record<string, string>;
/**
 * Sees everything of the organisation (view_enrollments and view_participants on trial site 0), holds none of the
 * permissions read.
 */
let staffSeer: string;
let participant: string;
let caregiver: string;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Client A");
  const p = await createEnrolledParticipant(server, org, 0);
  const [appointment] = await server.db
    .insert(appointments)
    .values({ enrollmentId: p.enrollment.id, scheduledAt: new Date(), timeZone: "America/New_York" })
    .returning();
  ids = {
    Client: globalId("Client", org.client.id),
    Contract: globalId("Contract", org.contract.id),
    Trial: globalId("Trial", org.trial.id),
    Site: globalId("Site", org.sites[0]!.id),
    TrialSite: globalId("TrialSite", org.trialSites[0]!.id),
    Enrollment: globalId("Enrollment", p.enrollment.id),
    Participant: globalId("Participant", p.participant.id),
    Appointment: globalId("Appointment", appointment!.id),
  };
  staffSeer = (
    await staffWith(server, ["view_enrollments", "view_participants"], { trialSiteId: org.trialSites[0]!.id })
  ).token;
  participant = p.token;
  caregiver = (await createCaregiver(server, p.participant.id)).token;
});
afterAll(() => server.close());

const read = (type: string, fields: string[], token: string) =>
  server.request(
    `query($id: ID!) { node(id: $id) { ... on ${type} { ${fields.map((f) => select(type, f)).join(" ")} } } }`,
    { id: ids[type] },
    token,
  );

/** The code and path of each error, for assertions. */
const problems = (result: GraphQLResponse<unknown>) =>
  (result.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path }));

const forbiddenAt = (field: string) => [{ code: "FORBIDDEN", path: ["node", field] }];

describe.each(Object.entries(FIELDS))("%s", (type, { seen, needs, seer, own }) => {
  const guarded = needs.flatMap((n) => n.fields);

  it("lists every field of the type, each once: seen, or needing a permission", () => {
    expect([...seen, ...guarded].sort()).toEqual(Object.keys(fieldsOf(type)).sort());
  });

  it("answers FORBIDDEN for each guarded field to someone who sees it without the permission", async () => {
    const token = seer === "staff" ? staffSeer : participant;
    const identity = await read(type, seen, token);
    expect(problems(identity)).toEqual([]);
    for (const field of guarded) {
      // one field a request: a non-null field's error nulls the object it belongs to
      expect(problems(await read(type, [field], token)), `${type}.${field}`).toEqual(forbiddenAt(field));
    }
  });

  it.each(needs.flatMap(({ permissions, fields }) => permissions.map((p) => [p, fields] as const)))(
    "lets a holder of %s read %s",
    async (permission, fields) => {
      // on the client, above everything read; view_enrollments and view_participants on the trial site, to see the
      // enrollment and the participant
      const holder = await staffWith(server, [permission], { clientId: org.client.id });
      await grantPermissions(server, holder.uid, ["view_enrollments", "view_participants"], {
        trialSiteId: org.trialSites[0]!.id,
      });
      expect(problems(await read(type, [...seen, ...fields], holder.token))).toEqual([]);
    },
  );

  if (own) {
    it("lets the participant and their caregiver read their own, and nothing more", async () => {
      for (const token of [participant, caregiver]) {
        expect(problems(await read(type, [...seen, ...own], token))).toEqual([]);
        for (const field of guarded.filter((f) => !own.includes(f))) {
          expect(problems(await read(type, [field], token)), `${type}.${field}`).toEqual(forbiddenAt(field));
        }
      }
    });
  }
});

describe("participants see only their own places", () => {
  it("answers NOT_FOUND for their client, contract and another site of it", async () => {
    const others = [
      ["Client", org.client.id],
      ["Contract", org.contract.id],
      ["Site", org.sites[1]!.id],
      ["TrialSite", org.trialSites[1]!.id],
    ] as const;
    for (const [type, id] of others) {
      const result = await server.request(
        `query($id: ID!) { node(id: $id) { ... on ${type} { id } } }`,
        { id: globalId(type, id) },
        participant,
      );
      expect(errorCode(result), type).toBe("NOT_FOUND");
    }
  });
});
