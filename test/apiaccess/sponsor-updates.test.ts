import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trials } from "../../db/schema/index.js";
import { staffWith } from "../support/accounts.js";
import { accessToken, insertApiClient, nothingWrittenButTheLog } from "../support/apiclients.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import { createOrganization, type Organization } from "../support/organizations.js";
import { errorCode, startTestServer, type TestServer } from "../support/server.js";
import { insertTrial } from "../support/trials.js";

const SET_STATUS = `mutation($input: SetTrialSiteRecruitmentStatusInput!) {
  setTrialSiteRecruitmentStatus(input: $input) {
    trialSite { id recruitmentStatus { status changedAt changedBy { kind name } } } } }`;
const ADD_NOTE = `mutation($input: AddRecruitmentNoteInput!) {
  addRecruitmentNote(input: $input) { note { text createdAt author { kind name } } trialSite { id } } }`;
const UPLOAD = `mutation($input: UploadIrbDocumentInput!) {
  uploadIrbDocument(input: $input) {
    document { version filename contentType sizeBytes sha256 irbStatus uploadedBy { kind name } downloadUrl }
    trial { id irbStatus } } }`;
const TRIAL_READ = `query($id: ID!) { trial(id: $id) { id irbStatus
  irbDocuments(first: 10) { totalCount nodes { version sha256 irbStatus uploadedBy { kind name } } }
  trialSites(first: 10) { nodes { id recruitmentStatus { status changedBy { kind name } }
    recruitmentNotes(first: 10) { totalCount nodes { text author { kind name } } } } } } }`;

const pdf = (body: string) => Buffer.from(`%PDF-1.4\n${body}\n%%EOF`);
const b64 = (bytes: Buffer) => bytes.toString("base64");

interface TrialRead {
  trial: {
    irbStatus: string;
    irbDocuments: {
      totalCount: number;
      nodes: {
        version: number;
        sha256: string;
        irbStatus: string | null;
        uploadedBy: { kind: string; name: string | null };
      }[];
    };
    trialSites: {
      nodes: {
        id: string;
        recruitmentStatus: { status: string; changedBy: { kind: string; name: string | null } | null };
        recruitmentNotes: {
          totalCount: number;
          nodes: { text: string; author: { kind: string; name: string | null } }[];
        };
      }[];
    };
  };
}

describe("what sponsors push through the API: site status, recruitment notes, IRB document versions", () => {
  let server: TestServer;
  let a: Organization;
  let b: Organization;
  let writer: string; // a's production client: sites:write and the read scopes
  let reader: string; // a's client without sites:write
  let writerOfB: string;

  beforeAll(async () => {
    server = await startTestServer();
    a = await createOrganization(server);
    b = await createOrganization(server);
    const scopes = ["trials:read", "sites:read", "sites:write"] as const;
    const made = await insertApiClient(server, a.client.id, { name: "Sponsor CTMS", scopes: [...scopes] });
    writer = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
    reader = await accessToken(
      server.url,
      made.apiClient.clientIdentifier,
      made.secret,
      "trials:read sites:read",
    );
    const ofB = await insertApiClient(server, b.client.id, { scopes: [...scopes] });
    writerOfB = await accessToken(server.url, ofB.apiClient.clientIdentifier, ofB.secret);
  });
  afterAll(() => server?.close());

  const readTrial = async (token: string, trialId = a.trial.id) => {
    const result = await server.request<TrialRead>(TRIAL_READ, { id: gid.trial(trialId) }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.trial;
  };

  it("an API client with sites:write sets a trial site's recruitment status: read back with who and when, audited", async () => {
    const trialSiteId = a.trialSites[0]!.id;
    const before = await readTrial(reader);
    expect(before.trialSites.nodes.map((n) => n.recruitmentStatus)).toEqual([
      { status: "NOT_STARTED", changedBy: null },
      { status: "NOT_STARTED", changedBy: null },
    ]);
    const result = await server.request(
      SET_STATUS,
      { input: { trialSiteId: gid.trialSite(trialSiteId), status: "RECRUITING" } },
      writer,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      setTrialSiteRecruitmentStatus: {
        trialSite: {
          recruitmentStatus: {
            status: "RECRUITING",
            changedBy: { kind: "API_CLIENT", name: "Sponsor CTMS" },
          },
        },
      },
    });
    const after = await readTrial(reader);
    const site = after.trialSites.nodes.find((n) => n.id === gid.trialSite(trialSiteId))!;
    expect(site.recruitmentStatus.status).toBe("RECRUITING");
    const audit = await auditEntriesFor(server, trialSiteId);
    expect(audit.at(-1)).toMatchObject({
      action: "set_recruitment_status",
      actor_user_id: null,
      changes: { recruitmentStatus: { from: "not_started", to: "recruiting" } },
    });
    expect(audit.at(-1)!.changes.apiClient!.to).toBeTruthy();
  });

  it("staff with add_trial_site on the trial set it too; staff without it are refused", async () => {
    const trialSiteId = a.trialSites[1]!.id;
    const manager = await staffWith(server, ["add_trial_site", "view_trials"], { trialId: a.trial.id });
    const result = await server.request(
      SET_STATUS,
      { input: { trialSiteId: gid.trialSite(trialSiteId), status: "PAUSED" } },
      manager.token,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      setTrialSiteRecruitmentStatus: {
        trialSite: {
          recruitmentStatus: { status: "PAUSED", changedBy: { kind: "PERSON", name: "Dawn Kidd" } },
        },
      },
    });
    // The API client sees that a person changed it, not who.
    const seen = (await readTrial(reader)).trialSites.nodes.find((n) => n.id === gid.trialSite(trialSiteId))!;
    expect(seen.recruitmentStatus.changedBy).toEqual({ kind: "PERSON", name: null });
    const viewer = await staffWith(server, ["view_trials"], { trialId: a.trial.id });
    await expectNothingWritten(server, async () => {
      const refused = await server.request(
        SET_STATUS,
        { input: { trialSiteId: gid.trialSite(trialSiteId), status: "COMPLETED" } },
        viewer.token,
      );
      expect(errorCode(refused)).toBe("FORBIDDEN");
    });
  });

  it("appends recruitment notes, listed newest first with their authors", async () => {
    const trialSiteId = gid.trialSite(a.trialSites[0]!.id);
    for (const text of ["First referral wave sent", "Second wave: 12 candidates"]) {
      const result = await server.request(ADD_NOTE, { input: { trialSiteId, text } }, writer);
      expect(result.errors).toBeUndefined();
    }
    const manager = await staffWith(server, ["add_trial_site", "view_trials"], { trialId: a.trial.id });
    expect(
      (await server.request(ADD_NOTE, { input: { trialSiteId, text: "Called the PI" } }, manager.token))
        .errors,
    ).toBeUndefined();
    const site = (await readTrial(reader)).trialSites.nodes.find((n) => n.id === trialSiteId)!;
    expect(site.recruitmentNotes.totalCount).toBe(3);
    expect(site.recruitmentNotes.nodes).toEqual([
      { text: "Called the PI", author: { kind: "PERSON", name: null } },
      { text: "Second wave: 12 candidates", author: { kind: "API_CLIENT", name: "Sponsor CTMS" } },
      { text: "First referral wave sent", author: { kind: "API_CLIENT", name: "Sponsor CTMS" } },
    ]);
    await nothingWrittenButTheLog(server, async () => {
      for (const text of ["", "   ", "x".repeat(4001)]) {
        const refused = await server.request(ADD_NOTE, { input: { trialSiteId, text } }, writer);
        expect(errorCode(refused)).toBe("BAD_USER_INPUT");
      }
    });
  });

  it("uploads IRB document versions: numbered per trial, history kept, IRB status changed alongside", async () => {
    const first = pdf("initial approval");
    const one = await server.request<{
      uploadIrbDocument: { document: { version: number; sha256: string; downloadUrl: string } };
    }>(
      UPLOAD,
      {
        input: {
          trialId: gid.trial(a.trial.id),
          filename: "approval-v1.pdf",
          data: b64(first),
          irbStatus: "SUBMITTED",
        },
      },
      writer,
    );
    expect(one.errors).toBeUndefined();
    expect(one.data!.uploadIrbDocument).toMatchObject({
      document: {
        version: 1,
        filename: "approval-v1.pdf",
        contentType: "application/pdf",
        sizeBytes: first.length,
        sha256: createHash("sha256").update(first).digest("hex"),
        irbStatus: "SUBMITTED",
        uploadedBy: { kind: "API_CLIENT", name: "Sponsor CTMS" },
      },
      trial: { irbStatus: "SUBMITTED" },
    });
    const editor = await staffWith(server, ["edit_trial", "view_trials"], { trialId: a.trial.id });
    const second = pdf("approved with amendments");
    const two = await server.request(
      UPLOAD,
      {
        input: {
          trialId: gid.trial(a.trial.id),
          filename: "approval-v2.pdf",
          data: b64(second),
          irbStatus: "APPROVED",
        },
      },
      editor.token,
    );
    expect(two.errors).toBeUndefined();
    const three = await server.request(
      UPLOAD,
      { input: { trialId: gid.trial(a.trial.id), filename: "roster.pdf", data: b64(pdf("roster")) } },
      writer,
    );
    expect(three.errors).toBeUndefined();
    const trial = await readTrial(reader);
    expect(trial.irbStatus).toBe("APPROVED");
    expect(trial.irbDocuments.totalCount).toBe(3);
    expect(trial.irbDocuments.nodes.map((d) => [d.version, d.irbStatus, d.uploadedBy.kind])).toEqual([
      [3, null, "API_CLIENT"],
      [2, "APPROVED", "PERSON"],
      [1, "SUBMITTED", "API_CLIENT"],
    ]);
    // Another trial numbers its own versions from 1.
    const other = await server.request<{ uploadIrbDocument: { document: { version: number } } }>(
      UPLOAD,
      {
        input: {
          trialId: gid.trial((await insertTrial(server, a.contract.id)).id),
          filename: "a.pdf",
          data: b64(first),
        },
      },
      writer,
    );
    expect(other.data?.uploadIrbDocument.document.version).toBe(1);
    // People holding view_trials download each version, byte for byte; others get 404.
    const url = one.data!.uploadIrbDocument.document.downloadUrl;
    const download = await fetch(`${server.url}${url}`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toMatch(/application\/pdf/);
    expect(Buffer.from(await download.arrayBuffer()).equals(first)).toBe(true);
    const outsider = await staffWith(server, ["view_trials"], { trialId: b.trial.id });
    const refused = await fetch(`${server.url}${url}`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(refused.status).toBe(404);
    // The request log keeps no file bytes (nor the file's or a note's text).
    const logged = await server.sql<{ variables: unknown }[]>`SELECT variables FROM api_request_log`;
    const log = JSON.stringify(logged);
    expect(log).not.toContain(b64(first).slice(0, 16));
    expect(log).not.toContain("Second wave");
    const audit = await auditEntriesFor(server, a.trial.id);
    expect(
      audit.filter((e) => e.action === "upload_irb_document").map((e) => e.changes.irbStatus ?? null),
    ).toEqual([{ from: "not_submitted", to: "submitted" }, { from: "submitted", to: "approved" }, null]);
  });

  it("refuses a file that is not a PDF, too large, or not base64, writing nothing", async () => {
    await nothingWrittenButTheLog(server, async () => {
      for (const data of [
        b64(Buffer.from("MZ not a pdf")),
        "%%%",
        b64(Buffer.alloc(10 * 1024 * 1024 + 10, 0x25)),
      ]) {
        const result = await server.request(
          UPLOAD,
          { input: { trialId: gid.trial(a.trial.id), filename: "x.pdf", data } },
          writer,
        );
        expect(errorCode(result)).toBe("BAD_USER_INPUT");
      }
      const badName = await server.request(
        UPLOAD,
        { input: { trialId: gid.trial(a.trial.id), filename: "../etc/passwd", data: b64(pdf("x")) } },
        writer,
      );
      expect(errorCode(badName)).toBe("BAD_USER_INPUT");
    });
  });

  it("a token of another client gets NOT_FOUND and writes nothing; a token without sites:write gets FORBIDDEN", async () => {
    await nothingWrittenButTheLog(server, async () => {
      const attempts = [
        [SET_STATUS, { trialSiteId: gid.trialSite(a.trialSites[0]!.id), status: "COMPLETED" }],
        [ADD_NOTE, { trialSiteId: gid.trialSite(a.trialSites[0]!.id), text: "not mine" }],
        [
          UPLOAD,
          { trialId: gid.trial(a.trial.id), filename: "x.pdf", data: b64(pdf("x")), irbStatus: "REJECTED" },
        ],
      ] as const;
      for (const [mutation, input] of attempts) {
        expect(errorCode(await server.request(mutation, { input }, writerOfB))).toBe("NOT_FOUND");
        expect(errorCode(await server.request(mutation, { input }, reader))).toBe("FORBIDDEN");
      }
      // And A's writer on B's objects.
      expect(
        errorCode(
          await server.request(
            SET_STATUS,
            { input: { trialSiteId: gid.trialSite(b.trialSites[0]!.id), status: "PAUSED" } },
            writer,
          ),
        ),
      ).toBe("NOT_FOUND");
      expect(
        errorCode(
          await server.request(
            UPLOAD,
            { input: { trialId: gid.trial(b.trial.id), filename: "x.pdf", data: b64(pdf("x")) } },
            writer,
          ),
        ),
      ).toBe("NOT_FOUND");
    });
  });

  it("refuses an id of another type in the input, writing nothing", async () => {
    await nothingWrittenButTheLog(server, async () => {
      for (const trialSiteId of [gid.site(a.sites[0]!.id), gid.trial(a.trial.id), gid.client(a.client.id)]) {
        const result = await server.request(SET_STATUS, { input: { trialSiteId, status: "PAUSED" } }, writer);
        expect(errorCode(result)).toBe("BAD_USER_INPUT");
        const note = await server.request(ADD_NOTE, { input: { trialSiteId, text: "x" } }, writer);
        expect(errorCode(note)).toBe("BAD_USER_INPUT");
      }
      const upload = await server.request(
        UPLOAD,
        { input: { trialId: gid.trialSite(a.trialSites[0]!.id), filename: "x.pdf", data: b64(pdf("x")) } },
        writer,
      );
      expect(errorCode(upload)).toBe("BAD_USER_INPUT");
    });
  });

  it("sandbox credentials push only to sandbox trials", async () => {
    const sandboxTrial = await insertTrial(server, a.contract.id, "Sandbox trial");
    await server.db.update(trials).set({ sandbox: true }).where(eq(trials.id, sandboxTrial.id));
    const made = await insertApiClient(server, a.client.id, {
      environment: "sandbox",
      scopes: ["trials:read", "sites:write"],
    });
    const sandbox = await accessToken(server.url, made.apiClient.clientIdentifier, made.secret);
    await nothingWrittenButTheLog(server, async () => {
      const real = await server.request(
        UPLOAD,
        { input: { trialId: gid.trial(a.trial.id), filename: "x.pdf", data: b64(pdf("x")) } },
        sandbox,
      );
      expect(errorCode(real)).toBe("NOT_FOUND");
      const site = await server.request(
        SET_STATUS,
        { input: { trialSiteId: gid.trialSite(a.trialSites[0]!.id), status: "PAUSED" } },
        sandbox,
      );
      expect(errorCode(site)).toBe("NOT_FOUND");
    });
    const ok = await server.request(
      UPLOAD,
      { input: { trialId: gid.trial(sandboxTrial.id), filename: "x.pdf", data: b64(pdf("x")) } },
      sandbox,
    );
    expect(ok.errors).toBeUndefined();
  });

  it("two uploads at once get consecutive versions", async () => {
    const trial = await insertTrial(server, a.contract.id, "Busy trial");
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        server.request(
          UPLOAD,
          { input: { trialId: gid.trial(trial.id), filename: `v${n}.pdf`, data: b64(pdf(`v${n}`)) } },
          writer,
        ),
      ),
    );
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const read = await readTrial(reader, trial.id);
    expect(read.irbDocuments.nodes.map((d) => d.version)).toEqual([4, 3, 2, 1]);
  });
});
