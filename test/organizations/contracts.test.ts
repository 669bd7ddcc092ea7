import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { fundingDeposits } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import type { Organization } from "../support/organizations.js";
import { errorCode, type TestServer } from "../support/server.js";
import { ALL_ORGANIZATION_PERMISSIONS, pdfBytes, startWithTwoClients } from "./fixtures.js";

const OrgCreateContract = graphql(`
  mutation OrgCreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      contract {
        id uid name clientSignatureDate startDate endDate currency
        totalValue { amount currency formatted }
        client { id name }
        document { filename }
        auditHistory { action changes { field from to } }
      }
    }
  }
`);

const OrgEditContract = graphql(`
  mutation OrgEditContract($input: EditContractInput!) {
    editContract(input: $input) {
      contract { id name startDate endDate currency totalValue { amount currency } auditHistory { action } }
    }
  }
`);

const OrgDeleteContract = graphql(`
  mutation OrgDeleteContract($input: DeleteContractInput!) { deleteContract(input: $input) { deletedContractId } }
`);

const OrgUploadDocument = graphql(`
  mutation OrgUploadDocument($input: UploadContractDocumentInput!) {
    uploadContractDocument(input: $input) {
      document { filename contentType sizeBytes sha256 uploadedAt downloadUrl }
      contract { id document { filename downloadUrl } }
    }
  }
`);

const OrgContracts = graphql(`
  query OrgContracts($clientId: ID, $first: Int) {
    contracts(clientId: $clientId, first: $first) { edges { node { id name client { id } } } }
  }
`);

const OrgContract = graphql(`
  query OrgContract($id: ID!) {
    contract(id: $id) {
      id uid name currency totalValue { amount formatted }
      client { id name }
      funding { remaining { amount } }
      document { filename downloadUrl }
    }
  }
`);

/** What someone who sees a contract but may not read it gets: its name, and FORBIDDEN for the rest. */
const OrgContractSeen = graphql(`
  query OrgContractSeen($id: ID!) { contract(id: $id) { name funding { remaining { amount } } document { filename } } }
`);

let server: TestServer;
let adminToken: string;
let adminUid: string;
let a: Organization;
let b: Organization;
beforeAll(async () => {
  ({ server, adminToken, adminUid, a, b } = await startWithTwoClients());
});
afterAll(() => server.close());

const CONTRACT = {
  name: "Example Contract Brennan-4060",
  clientSignatureDate: "2022-10-01",
  startDate: "2022-11-29",
  endDate: "2028-02-19",
  totalValue: { amount: "301000", currency: "USD" },
};

const createContract = (input: Record<string, unknown> = {}, token = adminToken) =>
  server.request(
    OrgCreateContract,
    { input: { clientId: gid.client(a.client.id), ...CONTRACT, ...input } },
    token,
  );

/** A new contract of client A, created over the API, with its raw id. */
async function newContract(input: Record<string, unknown> = {}) {
  const result = await createContract(input);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.createContract.contract;
}

describe("createContract", () => {
  it("creates a contract with dates and a total value, audited", async () => {
    const result = await createContract();
    expect(result.errors).toBeUndefined();
    const contract = result.data!.createContract.contract;
    expect(contract).toMatchObject({
      name: "Example Contract Brennan-4060",
      clientSignatureDate: "2022-10-01",
      startDate: "2022-11-29",
      endDate: "2028-02-19",
      currency: "USD",
      totalValue: { amount: "301000.00", currency: "USD", formatted: "$301,000.00" },
      client: { id: gid.client(a.client.id), name: "Client A" },
      document: null,
    });
    const [row] =
      await server.sql`SELECT total_value_minor::text AS v FROM contracts WHERE id = ${contract.uid}`;
    expect(row!.v).toBe("30100000");
    const audit = await auditEntriesFor(server, contract.uid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create_contract", actor_user_id: adminUid });
    expect(audit[0]!.changes).toMatchObject({
      clientId: { from: null, to: a.client.id },
      totalValue: { from: null, to: "301000.00 USD" },
      startDate: { from: null, to: "2022-11-29" },
    });
    expect(contract.auditHistory.map((e) => e.action)).toEqual(["create_contract"]);
  });

  it("takes the currency's own minor digits (JPY has none)", async () => {
    const result = await createContract({ totalValue: { amount: "5000000", currency: "jpy" } });
    expect(result.data!.createContract.contract.totalValue).toEqual({
      amount: "5000000",
      currency: "JPY",
      formatted: "¥5,000,000",
    });
  });

  it.each([
    ["an end before the start", { startDate: "2024-05-02", endDate: "2024-05-01" }],
    ["a date that does not exist", { startDate: "2022-02-30" }],
    ["a date in another format", { endDate: "02/19/2028" }],
    ["an unknown currency", { totalValue: { amount: "100", currency: "XYZ" } }],
    ["too many decimals", { totalValue: { amount: "100.001", currency: "USD" } }],
    ["a negative value", { totalValue: { amount: "-100", currency: "USD" } }],
    ["a float-like value", { totalValue: { amount: "1e6", currency: "USD" } }],
    ["a blank name", { name: "  " }],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_case, input) => {
    const result = await expectNothingWritten(server, () => createContract(input));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });

  it("is for admins only; an unknown client is NOT_FOUND", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: a.client.id });
    const forbidden = await expectNothingWritten(server, () => createContract({}, staff.token));
    expect(errorCode(forbidden)).toBe("FORBIDDEN");
    const unknown = await expectNothingWritten(server, () =>
      createContract({ clientId: gid.client(newId()) }),
    );
    expect(errorCode(unknown)).toBe("NOT_FOUND");
  });
});

describe("editContract", () => {
  const editContract = (contractId: string, input: Record<string, unknown>, token = adminToken) =>
    server.request(OrgEditContract, { input: { contractId: gid.contract(contractId), ...input } }, token);

  it("corrects a contract's details, audited from → to; omitted fields stay", async () => {
    const contract = await newContract();
    const result = await editContract(contract.uid, {
      name: "Example Contract 02",
      endDate: "2027-08-24",
      totalValue: { amount: "447000.00", currency: "USD" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.editContract.contract).toMatchObject({
      name: "Example Contract 02",
      startDate: "2022-11-29",
      endDate: "2027-08-24",
      totalValue: { amount: "447000.00", currency: "USD" },
      auditHistory: [{ action: "edit_contract" }, { action: "create_contract" }],
    });
    const audit = await auditEntriesFor(server, contract.uid);
    expect(audit[1]!.changes).toEqual({
      name: { from: "Example Contract Brennan-4060", to: "Example Contract 02" },
      endDate: { from: "2028-02-19", to: "2027-08-24" },
      totalValue: { from: "301000.00 USD", to: "447000.00 USD" },
    });
  });

  it("changes nothing, and audits nothing, when given nothing to change", async () => {
    const contract = await newContract();
    const result = await expectNothingWritten(server, () => editContract(contract.uid, {}));
    expect(result.errors).toBeUndefined();
    expect(result.data!.editContract.contract).toMatchObject({
      name: "Example Contract Brennan-4060",
      auditHistory: [{ action: "create_contract" }],
    });
  });

  it("refuses an end before the existing start, or a blank name, with BAD_USER_INPUT and writes nothing", async () => {
    const contract = await newContract();
    for (const input of [
      { endDate: "2022-11-28" },
      { name: "" },
      { totalValue: { amount: "0", currency: "USD" } },
    ]) {
      const result = await expectNothingWritten(server, () => editContract(contract.uid, input));
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
    }
  });

  it("changes the currency of an unfunded contract, but not of a funded one (CONFLICT, nothing written)", async () => {
    const contract = await newContract();
    const euros = await editContract(contract.uid, { totalValue: { amount: "100000", currency: "EUR" } });
    expect(euros.data!.editContract.contract.currency).toBe("EUR");

    await server.db
      .insert(fundingDeposits)
      .values({ contractId: contract.uid, amountMinor: 100n, currency: "EUR" });
    await server.sql`UPDATE contracts SET deposited_minor = 100 WHERE id = ${contract.uid}`;
    const dollars = await expectNothingWritten(server, () =>
      editContract(contract.uid, { totalValue: { amount: "100000", currency: "USD" } }),
    );
    expect(errorCode(dollars)).toBe("CONFLICT");
    const sameCurrency = await editContract(contract.uid, {
      totalValue: { amount: "120000", currency: "EUR" },
    });
    expect(sameCurrency.errors).toBeUndefined();
  });

  it("lets a user holding edit_contract on the client edit the client's contract", async () => {
    // and view_contract, to read the contract the answer carries
    const staff = await staffWith(server, ["edit_contract", "view_contract"], { clientId: a.client.id });
    const result = await editContract(a.contract.id, { name: "Renamed by staff" }, staff.token);
    expect(result.errors).toBeUndefined();
    const audit = await auditEntriesFor(server, a.contract.id);
    expect(audit.at(-1)).toMatchObject({ action: "edit_contract", actor_user_id: staff.uid });
  });

  it("refuses a user whose edit_contract is on another client (NOT_FOUND) and writes nothing", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const result = await expectNothingWritten(server, () =>
      editContract(a.contract.id, { name: "X" }, staff.token),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
  });

  it("refuses a user whose edit_contract is only on a trial of the contract (FORBIDDEN) and writes nothing", async () => {
    const staff = await staffWith(server, ["edit_contract", "view_trials"], { trialId: a.trial.id });
    const result = await expectNothingWritten(server, () =>
      editContract(a.contract.id, { name: "X" }, staff.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });
});

describe("uploadContractDocument and the download", () => {
  const upload = (contractId: string, data: string, token = adminToken, filename = "contract.pdf") =>
    server.request(
      OrgUploadDocument,
      { input: { contractId: gid.contract(contractId), filename, data } },
      token,
    );

  const download = (url: string, token?: string) =>
    fetch(`${server.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("stores a PDF, audited, and serves it back to a viewer holding view_contract", async () => {
    const contract = await newContract();
    const bytes = pdfBytes(5000);
    const result = await upload(contract.uid, bytes.toString("base64"), adminToken, "Brennan signed.pdf");
    expect(result.errors).toBeUndefined();
    const document = result.data!.uploadContractDocument.document;
    expect(document).toMatchObject({
      filename: "Brennan signed.pdf",
      contentType: "application/pdf",
      sizeBytes: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(document.downloadUrl).toMatch(/^\/files\/contract-documents\/[A-Za-z0-9]+$/);
    expect(result.data!.uploadContractDocument.contract.document).toEqual({
      filename: "Brennan signed.pdf",
      downloadUrl: document.downloadUrl,
    });
    const audit = await auditEntriesFor(server, contract.uid);
    expect(audit.at(-1)).toMatchObject({ action: "upload_contract_document", actor_user_id: adminUid });
    expect(audit.at(-1)!.changes.document).toMatchObject({
      from: null,
      to: { filename: "Brennan signed.pdf" },
    });

    const viewer = await staffWith(server, ["view_contract"], { clientId: a.client.id });
    const response = await download(document.downloadUrl, viewer.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Brennan signed\.pdf"/,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("keeps every upload; the contract shows the latest", async () => {
    const contract = await newContract();
    await upload(contract.uid, pdfBytes(100).toString("base64"), adminToken, "v1.pdf");
    await upload(contract.uid, pdfBytes(200).toString("base64"), adminToken, "v2.pdf");
    const read = await server.request(OrgContract, { id: gid.contract(contract.uid) }, adminToken);
    expect(read.data!.contract.document!.filename).toBe("v2.pdf");
    const rows =
      await server.sql`SELECT filename FROM contract_documents WHERE contract_id = ${contract.uid}`;
    expect(rows).toHaveLength(2);
  });

  it("does not serve a document to users without view_contract on its contract, nor without a session", async () => {
    const result = await upload(a.contract.id, pdfBytes(300).toString("base64"));
    const url = result.data!.uploadContractDocument.document.downloadUrl;

    // served as a PDF whatever its name says
    const named = await upload(
      (await newContract()).uid,
      pdfBytes(100).toString("base64"),
      adminToken,
      "scan.txt",
    );
    const asPdf = await download(named.data!.uploadContractDocument.document.downloadUrl, adminToken);
    expect(asPdf.headers.get("content-type")).toBe("application/pdf");

    const otherClient = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const other = await download(url, otherClient.token);
    expect(other.status).toBe(404);
    expect(await other.json()).toEqual({ error: expect.any(String) });

    const onTrial = await staffWith(server, ["view_contract", "view_trials"], { trialId: a.trial.id });
    expect((await download(url, onTrial.token)).status).toBe(404);
    // they see the contract (their trial is under it) but neither its money nor its document
    const seen = await server.request(OrgContractSeen, { id: gid.contract(a.contract.id) }, onTrial.token);
    expect(seen.data!.contract).toEqual({ name: expect.any(String), funding: null, document: null });
    expect(seen.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["contract", "funding"], "FORBIDDEN"],
      [["contract", "document"], "FORBIDDEN"],
    ]);
    const viewer = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const shown = await server.request(OrgContract, { id: gid.contract(a.contract.id) }, viewer.token);
    expect(shown.data!.contract.document).toEqual({ filename: "contract.pdf", downloadUrl: url });
    expect((await download(url, viewer.token)).status).toBe(200);

    const anonymous = await download(url);
    expect([401, 404]).toContain(anonymous.status);
    expect(anonymous.headers.get("content-type")).toMatch(/json/);
    expect((await download(url, "not-a-real-session-token-0123456789")).status).toBe(401);

    const unknown = await download(`/files/contract-documents/${newId()}`, adminToken);
    expect(unknown.status).toBe(404);
    expect((await download(url, adminToken)).status).toBe(200);
  });

  it("refuses a file that is not a PDF, or is over 10 MiB, or is not base64, with BAD_USER_INPUT and writes nothing", async () => {
    const contract = await newContract();
    const cases = [
      Buffer.from("<html>not a pdf</html>").toString("base64"),
      Buffer.from("PDF-1.4 almost").toString("base64"),
      pdfBytes(10 * 1024 * 1024 + 1).toString("base64"),
      "%PDF-1.4 raw, not base64!",
      "",
    ];
    for (const data of cases) {
      const result = await expectNothingWritten(server, () => upload(contract.uid, data));
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: "data" })]);
    }
    const slash = await expectNothingWritten(server, () =>
      upload(contract.uid, pdfBytes().toString("base64"), adminToken, "../etc/passwd"),
    );
    expect(errorCode(slash)).toBe("BAD_USER_INPUT");
    const exactlyTen = await upload(contract.uid, pdfBytes(10 * 1024 * 1024).toString("base64"));
    expect(exactlyTen.errors).toBeUndefined();
    expect(exactlyTen.data!.uploadContractDocument.document.sizeBytes).toBe(10 * 1024 * 1024);
  });

  it("lets edit_contract on the client upload; refuses another client's (NOT_FOUND) or a trial's (FORBIDDEN) holder", async () => {
    const data = pdfBytes(100).toString("base64");
    const onClient = await staffWith(server, ["edit_contract", "view_contract"], { clientId: a.client.id });
    const ok = await upload(a.contract.id, data, onClient.token);
    expect(ok.errors).toBeUndefined();

    const onOther = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const other = await expectNothingWritten(server, () => upload(a.contract.id, data, onOther.token));
    expect(errorCode(other)).toBe("NOT_FOUND");

    const onTrial = await staffWith(server, ["edit_contract"], { trialId: a.trial.id });
    const child = await expectNothingWritten(server, () => upload(a.contract.id, data, onTrial.token));
    expect(errorCode(child)).toBe("FORBIDDEN");
  });
});

describe("deleteContract", () => {
  const deleteContract = (contractId: string, token = adminToken) =>
    server.request(OrgDeleteContract, { input: { contractId: gid.contract(contractId) } }, token);

  it("deletes an unfunded contract without trials, with its documents, audited", async () => {
    const contract = await newContract();
    await server.request(
      OrgUploadDocument,
      { input: { contractId: contract.id, filename: "c.pdf", data: pdfBytes().toString("base64") } },
      adminToken,
    );
    const result = await deleteContract(contract.uid);
    expect(result.errors).toBeUndefined();
    expect(result.data!.deleteContract.deletedContractId).toBe(contract.id);
    expect(await server.sql`SELECT 1 FROM contracts WHERE id = ${contract.uid}`).toHaveLength(0);
    expect(
      await server.sql`SELECT 1 FROM contract_documents WHERE contract_id = ${contract.uid}`,
    ).toHaveLength(0);
    const audit = await auditEntriesFor(server, contract.uid);
    expect(audit.at(-1)).toMatchObject({ action: "delete_contract", actor_user_id: adminUid });
  });

  it("refuses a funded contract with CONFLICT and writes nothing", async () => {
    const contract = await newContract();
    await server.db
      .insert(fundingDeposits)
      .values({ contractId: contract.uid, amountMinor: 1n, currency: "USD" });
    await server.sql`UPDATE contracts SET deposited_minor = 1 WHERE id = ${contract.uid}`;
    const result = await expectNothingWritten(server, () => deleteContract(contract.uid));
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/funded/);
  });

  it("refuses a contract with trials with CONFLICT and writes nothing", async () => {
    const result = await expectNothingWritten(server, () => deleteContract(b.contract.id));
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0]!.message).toMatch(/trials/);
  });

  it("is for admins only", async () => {
    const contract = await newContract();
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: a.client.id });
    const result = await expectNothingWritten(server, () => deleteContract(contract.uid, staff.token));
    expect(errorCode(result)).toBe("FORBIDDEN");
    const unknown = await expectNothingWritten(server, () => deleteContract(newId()));
    expect(errorCode(unknown)).toBe("NOT_FOUND");
  });
});

describe("contracts and contract", () => {
  it("lists only the contracts a user may see, optionally of one client", async () => {
    const onB = await staffWith(server, ["view_contract"], { clientId: b.client.id });
    const all = await server.request(OrgContracts, { first: 100 }, onB.token);
    expect(all.data!.contracts.edges.map((e) => e.node.id)).toEqual([gid.contract(b.contract.id)]);
    const ofA = await server.request(OrgContracts, { clientId: gid.client(a.client.id) }, onB.token);
    expect(errorCode(ofA)).toBe("NOT_FOUND");
    expect(ofA.data).toBeNull();

    // A site's staff see the contracts of the trials their site runs, and no others.
    const onSite = await staffWith(server, ["view_sites"], { siteId: b.sites[0]!.id });
    const ofTheirTrials = await server.request(OrgContracts, { first: 100 }, onSite.token);
    expect(ofTheirTrials.data!.contracts.edges.map((e) => e.node.id)).toEqual([gid.contract(b.contract.id)]);

    const onTrialSite = await staffWith(server, ["view_trials"], { trialSiteId: b.trialSites[0]!.id });
    const above = await server.request(OrgContracts, { first: 100 }, onTrialSite.token);
    expect(above.data!.contracts.edges.map((e) => e.node.id)).toEqual([gid.contract(b.contract.id)]);

    const admin = await server.request(
      OrgContracts,
      { clientId: gid.client(a.client.id), first: 100 },
      adminToken,
    );
    const ids = admin.data!.contracts.edges.map((e) => e.node.id);
    expect(ids).toContain(gid.contract(a.contract.id));
    expect(ids).not.toContain(gid.contract(b.contract.id));
  });

  it("answers NOT_FOUND for another client's contract, never with its data", async () => {
    const onB = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const other = await server.request(OrgContract, { id: gid.contract(a.contract.id) }, onB.token);
    expect(errorCode(other)).toBe("NOT_FOUND");
    expect(other.data).toBeNull();
    const own = await server.request(OrgContract, { id: gid.contract(b.contract.id) }, onB.token);
    expect(own.data!.contract).toMatchObject({
      uid: b.contract.id,
      client: { name: "Client B" },
      totalValue: { amount: "301000.00", formatted: "$301,000.00" },
      funding: { remaining: { amount: "0.00" } },
    });
  });
});
