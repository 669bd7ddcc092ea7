import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { graphql } from "../graphql/index.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid, uniqueTag } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { createEnrolledParticipant } from "../support/participants.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial, uniqueProtocol } from "../support/trials.js";

const TrialsCreate = graphql(`
  mutation TrialsCreate($input: CreateTrialInput!) {
    createTrial(input: $input) {
      trial {
        id uid name protocolId status phase irbStatus createdAt
        contract { id }
        trialSites { nodes { id } }
        auditHistory { action actorName changes { field from to } }
      }
    }
  }
`);

const TrialsEdit = graphql(`
  mutation TrialsEdit($input: EditTrialInput!) {
    editTrial(input: $input) {
      trial { id name protocolId status phase irbStatus auditHistory { action actorName changes { field from to } } }
    }
  }
`);

const TrialsDelete = graphql(`
  mutation TrialsDelete($input: DeleteTrialInput!) { deleteTrial(input: $input) { deletedTrialId } }
`);

const TrialsSearch = graphql(`
  query TrialsSearch($search: String, $first: Int, $after: String) {
    trials(search: $search, first: $first, after: $after) {
      edges { node { id name protocolId } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const TrialsGet = graphql(`
  query TrialsGet($id: ID!) {
    trial(id: $id) { id uid name protocolId status phase irbStatus contract { id } trialSites { nodes { id site { id } } } }
  }
`);

let server: TestServer;
let adminToken: string;
let org: Organization;
beforeAll(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
  org = await createOrganization(server);
});
afterAll(() => server.close());

async function createTrial(input: Record<string, unknown> = {}) {
  const result = await server.request(
    TrialsCreate,
    {
      input: {
        contractId: gid.contract(org.contract.id),
        name: `Trial ${randomBytes(3).toString("hex")}`,
        protocolId: uniqueProtocol(),
        ...input,
      } as never,
    },
    adminToken,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createTrial.trial;
}

describe("createTrial", () => {
  it("creates a draft trial under the contract, audited, with its history readable", async () => {
    const protocolId = uniqueProtocol("XK8922");
    const trial = await createTrial({ name: "  Trial Benjamin-97 ", protocolId });
    expect(trial).toMatchObject({
      name: "Trial Benjamin-97",
      protocolId,
      status: "DRAFT",
      phase: null,
      irbStatus: "NOT_SUBMITTED",
      contract: { id: gid.contract(org.contract.id) },
      trialSites: { nodes: [] },
    });
    expect(trial.id).toBe(gid.trial(trial.uid));

    const [row] =
      await server.sql`SELECT contract_id, name, protocol_id, status FROM trials WHERE id = ${trial.uid}`;
    expect(row).toEqual({
      contract_id: org.contract.id,
      name: "Trial Benjamin-97",
      protocol_id: protocolId,
      status: "draft",
    });

    const audit = await auditEntriesFor(server, trial.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe("create_trial");
    expect(audit[0]!.actor_user_id).toBeTruthy();
    expect(audit[0]!.changes).toMatchObject({
      name: { from: null, to: "Trial Benjamin-97" },
      protocolId: { from: null, to: protocolId },
      contractId: { from: null, to: org.contract.id },
      status: { from: null, to: "draft" },
    });
    expect(trial.auditHistory).toHaveLength(1);
    expect(trial.auditHistory[0]).toMatchObject({ action: "create_trial", actorName: expect.any(String) });
    expect(trial.auditHistory[0]!.changes).toContainEqual({
      field: "name",
      from: null,
      to: "Trial Benjamin-97",
    });
  });

  it("takes an initial status, phase and IRB status", async () => {
    const trial = await createTrial({ status: "LIVE", phase: "PHASE_2_3", irbStatus: "APPROVED" });
    expect(trial).toMatchObject({ status: "LIVE", phase: "PHASE_2_3", irbStatus: "APPROVED" });
    const [row] = await server.sql`SELECT status, phase, irb_status FROM trials WHERE id = ${trial.uid}`;
    expect(row).toEqual({ status: "live", phase: "phase_2_3", irb_status: "approved" });
  });

  it.each([
    ["a blank name", { name: "   " }, "name"],
    ["a blank protocol id", { protocolId: "" }, "protocolId"],
    ["a name too long", { name: "x".repeat(201) }, "name"],
    ["a closed start", { status: "CLOSED" }, "status"],
    ["a paused start", { status: "PAUSED" }, "status"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_what, bad, field) => {
    const result = await expectNothingWritten(server, () =>
      server.request(
        TrialsCreate,
        {
          input: {
            contractId: gid.contract(org.contract.id),
            name: "Fine name",
            protocolId: uniqueProtocol(),
            ...bad,
          } as never,
        },
        adminToken,
      ),
    );
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.extensions!.fields).toContainEqual(expect.objectContaining({ field }));
    expect(result.data ?? null).toBeNull();
  });

  it("refuses a protocol id another trial has with CONFLICT and writes nothing", async () => {
    const existing = await createTrial();
    const result = await expectNothingWritten(server, () =>
      server.request(
        TrialsCreate,
        {
          input: {
            contractId: gid.contract(org.contract.id),
            name: "Copycat",
            protocolId: existing.protocolId,
          },
        },
        adminToken,
      ),
    );
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toContain(existing.protocolId);
  });

  it("creates one trial when the same protocol id arrives twice at once; the other gets CONFLICT", async () => {
    const protocolId = uniqueProtocol("RACE");
    const input = { contractId: gid.contract(org.contract.id), name: "Racer", protocolId };
    const results = await Promise.all(
      [1, 2, 3].map(() => server.request(TrialsCreate, { input }, adminToken)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(["CONFLICT", "CONFLICT"]);
    const [row] = await server.sql`SELECT count(*)::int AS n FROM trials WHERE protocol_id = ${protocolId}`;
    expect(row!.n).toBe(1);
  });

  it("answers NOT_FOUND for a contract that does not exist, and BAD_USER_INPUT naming contractId for another type's id", async () => {
    const missing = await expectNothingWritten(server, () =>
      server.request(
        TrialsCreate,
        { input: { contractId: gid.contract(newId()), name: "Ghost", protocolId: uniqueProtocol() } },
        adminToken,
      ),
    );
    expect(errorCode(missing)).toBe("NOT_FOUND");
    const wrongType = await expectNothingWritten(server, () =>
      server.request(
        TrialsCreate,
        {
          input: {
            contractId: gid.client(org.client.id),
            name: "Ghost",
            protocolId: uniqueProtocol(),
          },
        },
        adminToken,
      ),
    );
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
    expect(wrongType.errors![0]!.extensions!.fields).toEqual([
      expect.objectContaining({ field: "contractId" }),
    ]);
  });

  it("needs a session", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(TrialsCreate, {
        input: { contractId: gid.contract(org.contract.id), name: "Anon", protocolId: uniqueProtocol() },
      }),
    );
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });
});

describe("editTrial", () => {
  it("renames and re-numbers a trial, audited from → to, newest first in its history", async () => {
    const trial = await createTrial({ name: "Trial 01" });
    const protocolId = uniqueProtocol("potato");
    const result = await server.request(
      TrialsEdit,
      {
        input: { trialId: trial.id, name: "Trial 02", protocolId, phase: "PHASE_1", irbStatus: "SUBMITTED" },
      },
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    const edited = result.data!.editTrial.trial;
    expect(edited).toMatchObject({
      name: "Trial 02",
      protocolId,
      phase: "PHASE_1",
      irbStatus: "SUBMITTED",
      status: "DRAFT",
    });
    expect(edited.auditHistory.map((e) => e.action)).toEqual(["edit_trial", "create_trial"]);
    expect(edited.auditHistory[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: "name", from: "Trial 01", to: "Trial 02" },
        { field: "protocolId", from: trial.protocolId, to: protocolId },
        { field: "phase", from: null, to: "phase_1" },
      ]),
    );
    const audit = await auditEntriesFor(server, trial.uid);
    expect(audit.map((a) => a.action)).toEqual(["create_trial", "edit_trial"]);
    expect(audit[1]!.changes).toEqual({
      name: { from: "Trial 01", to: "Trial 02" },
      protocolId: { from: trial.protocolId, to: protocolId },
      phase: { from: null, to: "phase_1" },
      irbStatus: { from: "not_submitted", to: "submitted" },
    });
    const [row] = await server.sql`SELECT name, protocol_id, phase FROM trials WHERE id = ${trial.uid}`;
    expect(row).toEqual({ name: "Trial 02", protocol_id: protocolId, phase: "phase_1" });
  });

  it("clears the phase with null and leaves omitted fields alone", async () => {
    const trial = await createTrial({ phase: "PHASE_3", name: "Keeps its name" });
    const result = await server.request(
      TrialsEdit,
      { input: { trialId: trial.id, phase: null } },
      adminToken,
    );
    expect(result.data!.editTrial.trial).toMatchObject({
      phase: null,
      name: "Keeps its name",
      status: "DRAFT",
    });
  });

  it("writes nothing when nothing changes", async () => {
    const trial = await createTrial({ name: "Same" });
    const result = await expectNothingWritten(server, () =>
      server.request(TrialsEdit, { input: { trialId: trial.id, name: "Same" } }, adminToken),
    );
    expect(result.data!.editTrial.trial.name).toBe("Same");
  });

  it("moves status draft → live ⇄ paused → closed, each step audited", async () => {
    const trial = await createTrial();
    for (const status of ["LIVE", "PAUSED", "LIVE", "PAUSED", "CLOSED"] as const) {
      const result = await server.request(TrialsEdit, { input: { trialId: trial.id, status } }, adminToken);
      expect(result.errors).toBeUndefined();
      expect(result.data!.editTrial.trial.status).toBe(status);
    }
    const audit = await auditEntriesFor(server, trial.uid);
    expect(audit.slice(1).map((a) => a.changes.status)).toEqual([
      { from: "draft", to: "live" },
      { from: "live", to: "paused" },
      { from: "paused", to: "live" },
      { from: "live", to: "paused" },
      { from: "paused", to: "closed" },
    ]);
  });

  it("refuses other status changes with BAD_USER_INPUT, and anything out of closed", async () => {
    const draft = await createTrial();
    const live = await createTrial({ status: "LIVE" });
    const closed = await createTrial({ status: "LIVE" });
    await server.request(TrialsEdit, { input: { trialId: closed.id, status: "CLOSED" } }, adminToken);
    const refused: [string, "DRAFT" | "LIVE" | "PAUSED" | "CLOSED"][] = [
      [draft.id, "PAUSED"],
      [draft.id, "CLOSED"],
      [live.id, "DRAFT"],
      [closed.id, "LIVE"],
      [closed.id, "PAUSED"],
      [closed.id, "DRAFT"],
    ];
    for (const [trialId, status] of refused) {
      const result = await expectNothingWritten(server, () =>
        server.request(TrialsEdit, { input: { trialId, status, name: "Renamed too" } }, adminToken),
      );
      expect(errorCode(result), `→ ${status}`).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: "status" })]);
    }
  });

  it("refuses a blank name with BAD_USER_INPUT and a taken protocol id with CONFLICT, writing nothing", async () => {
    const trial = await createTrial();
    const other = await createTrial();
    const blank = await expectNothingWritten(server, () =>
      server.request(TrialsEdit, { input: { trialId: trial.id, name: " " } }, adminToken),
    );
    expect(errorCode(blank)).toBe("BAD_USER_INPUT");
    const taken = await expectNothingWritten(server, () =>
      server.request(TrialsEdit, { input: { trialId: trial.id, protocolId: other.protocolId } }, adminToken),
    );
    expect(errorCode(taken)).toBe("CONFLICT");
  });

  it("answers NOT_FOUND for a trial that does not exist", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(TrialsEdit, { input: { trialId: gid.trial(newId()), name: "Nobody" } }, adminToken),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("deleteTrial", () => {
  it("deletes a trial with its trial sites, audited; it is then not found", async () => {
    const org2 = await createOrganization(server);
    const trialId = gid.trial(org2.trial.id);
    const result = await server.request(TrialsDelete, { input: { trialId } }, adminToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteTrial.deletedTrialId).toBe(trialId);
    const [counts] = await server.sql`
      SELECT (SELECT count(*)::int FROM trials WHERE id = ${org2.trial.id}) AS trials,
             (SELECT count(*)::int FROM trial_sites WHERE trial_id = ${org2.trial.id}) AS trial_sites,
             (SELECT count(*)::int FROM sites WHERE client_id = ${org2.client.id}) AS sites`;
    expect(counts).toEqual({ trials: 0, trial_sites: 0, sites: 2 });
    const audit = await auditEntriesFor(server, org2.trial.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "delete_trial",
      changes: {
        name: { from: org2.trial.name, to: null },
        protocolId: { from: org2.trial.protocolId, to: null },
      },
    });
    const gone = await server.request(TrialsGet, { id: trialId }, adminToken);
    expect(errorCode(gone)).toBe("NOT_FOUND");
    expect(gone.data ?? null).toBeNull();
  });

  it("refuses while anyone is enrolled (CONFLICT), writing nothing", async () => {
    const org2 = await createOrganization(server);
    await createEnrolledParticipant(server, org2, 1);
    const result = await expectNothingWritten(server, () =>
      server.request(TrialsDelete, { input: { trialId: gid.trial(org2.trial.id) } }, adminToken),
    );
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/enrolled/);
  });

  it("answers NOT_FOUND for a trial that does not exist", async () => {
    const result = await expectNothingWritten(server, () =>
      server.request(TrialsDelete, { input: { trialId: gid.trial(newId()) } }, adminToken),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });
});

describe("trials and trial", () => {
  it("searches names and protocol ids, partially and in any case; wildcards are literal", async () => {
    const tag = uniqueTag();
    const byName = await createTrial({ name: `Potato ${tag} Trial 43` });
    const byProtocol = await createTrial({ protocolId: `micro${tag}phone` });
    await createTrial({ name: `Sasquatch Hunt` });

    const both = await server.request(TrialsSearch, { search: tag.toUpperCase() }, adminToken);
    expect(both.data!.trials.edges.map((e) => e.node.id)).toEqual([byProtocol.id, byName.id]);
    const name = await server.request(TrialsSearch, { search: `TATO ${tag} tri` }, adminToken);
    expect(name.data!.trials.edges.map((e) => e.node.name)).toEqual([byName.name]);
    const protocol = await server.request(TrialsSearch, { search: `O${tag}PH` }, adminToken);
    expect(protocol.data!.trials.edges.map((e) => e.node.protocolId)).toEqual([byProtocol.protocolId]);
    const wildcard = await server.request(TrialsSearch, { search: `${tag}%` }, adminToken);
    expect(wildcard.data!.trials.edges).toEqual([]);
  });

  it("lists every trial newest first in bounded pages", async () => {
    const tag = uniqueTag();
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createTrial({ name: `Paged ${tag} ${i}` }));
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 5; pages++) {
      const page = await server.request(TrialsSearch, { search: tag, first: 2, after }, adminToken);
      expect(page.errors).toBeUndefined();
      seen.push(...page.data!.trials.edges.map((e) => e.node.id));
      if (!page.data!.trials.pageInfo.hasNextPage) break;
      after = page.data!.trials.pageInfo.endCursor!;
    }
    expect(seen).toEqual(created.map((t) => t.id).reverse());
    const tooMany = await server.request(TrialsSearch, { first: 1000 }, adminToken);
    expect(errorCode(tooMany)).toBe("BAD_USER_INPUT");
  });

  it("reads one trial with its contract and trial sites", async () => {
    const extra = await insertTrial(server, org.contract.id, "Lonely trial");
    const lonely = await server.request(TrialsGet, { id: gid.trial(extra.id) }, adminToken);
    expect(lonely.data!.trial).toMatchObject({
      uid: extra.id,
      name: "Lonely trial",
      trialSites: { nodes: [] },
    });
    const result = await server.request(TrialsGet, { id: gid.trial(org.trial.id) }, adminToken);
    expect(result.errors).toBeUndefined();
    expect(result.data!.trial).toMatchObject({
      uid: org.trial.id,
      name: org.trial.name,
      protocolId: org.trial.protocolId,
      status: "DRAFT",
      contract: { id: gid.contract(org.contract.id) },
    });
    expect(result.data!.trial.trialSites.nodes.map((ts) => ts.site.id).sort()).toEqual(
      org.trialSites.map((ts) => gid.site(ts.siteId)).sort(),
    );
  });

  it("answers NOT_FOUND for a trial that does not exist, and needs a session", async () => {
    const missing = await server.request(TrialsGet, { id: gid.trial(newId()) }, adminToken);
    expect(errorCode(missing)).toBe("NOT_FOUND");
    expect(missing.data ?? null).toBeNull();
    const anonymous = await server.request(TrialsSearch, {});
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  });
});
