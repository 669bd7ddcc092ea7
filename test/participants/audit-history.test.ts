import { afterAll, beforeAll, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";

/* Participant.auditHistory, like every audited object's, with each change's values as JSON (not JSON in a string). */

const AddParticipant = graphql(`
  mutation AuditAddParticipant($input: AddParticipantInput!) { addParticipant(input: $input) { participant { id } } }
`);
const UpdateParticipant = graphql(`
  mutation AuditUpdateParticipant($input: UpdateParticipantInput!) { updateParticipant(input: $input) { participant { id } } }
`);
const History = graphql(`
  query AuditParticipantHistory($id: ID!) {
    participant(id: $id) { auditHistory { action actorName changes { field from to } } }
  }
`);

let server: TestServer;
let org: Organization;
let coordinator: string;
let elsewhere: string;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrganization(server, "Audit");
  const site = { siteId: org.sites[0]!.id };
  coordinator = (
    await staffWith(server, ["add_participant", "update_participant", "view_participants"], site)
  ).token;
  elsewhere = (await staffWith(server, ["view_participants"], { siteId: org.sites[1]!.id })).token;
});
afterAll(() => server.close());

it("shows a participant's changes, newest first, with values as JSON, to staff who see them and to themselves", async () => {
  const added = await server.request(
    AddParticipant,
    {
      input: {
        siteId: gid.site(org.sites[0]!.id),
        firstName: "Ines",
        lastName: "Audit",
        email: "ines.audit@example.com",
        address: { street1: "5 Elm St", city: "Springfield", state: "IL", postCode: "62701" },
      },
    },
    coordinator,
  );
  expect(added.errors).toBeUndefined();
  const id = added.data!.addParticipant.participant.id;
  const updated = await server.request(
    UpdateParticipant,
    { input: { participantId: id, emergencyContact: "Jo Audit", timeZone: "America/Chicago" } },
    coordinator,
  );
  expect(updated.errors).toBeUndefined();

  const history = await server.request(History, { id }, coordinator);
  expect(history.errors).toBeUndefined();
  const [update, add] = history.data!.participant.auditHistory;
  expect(update).toEqual({
    action: "update_participant",
    actorName: "Dawn Kidd",
    changes: expect.arrayContaining([
      { field: "emergencyContact", from: null, to: "Jo Audit" },
      { field: "timeZone", from: "America/New_York", to: "America/Chicago" },
    ]),
  });
  expect(add!.action).toBe("add_participant");
  expect(add!.changes).toContainEqual({ field: "firstName", from: null, to: "Ines" });
  // An address is an object, not a string to parse again.
  expect(add!.changes).toContainEqual({
    field: "address",
    from: null,
    to: expect.objectContaining({ street1: "5 Elm St", city: "Springfield" }),
  });

  const other = await server.request(History, { id }, elsewhere);
  expect(errorCode(other)).toBe("NOT_FOUND");
  expect(other.data ?? null).toBeNull();
});

it("the participant reads their own history", async () => {
  const me = await createEnrolledParticipant(server, org, 0);
  await server.request(
    UpdateParticipant,
    { input: { participantId: gid.participant(me.participant.id), emergencyPhone: "(217) 555-0199" } },
    me.token,
  );
  const history = await server.request(History, { id: gid.participant(me.participant.id) }, me.token);
  expect(history.errors).toBeUndefined();
  expect(history.data!.participant.auditHistory[0]!.changes).toEqual([
    { field: "emergencyPhone", from: null, to: "(217) 555-0199" },
  ]);
});
