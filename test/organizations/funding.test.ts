import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../db/ids.js";
import { contracts } from "../../db/schema/index.js";
import { graphql } from "../graphql/index.js";
import { staffWith } from "../support/accounts.js";
import { auditEntriesFor, expectNothingWritten } from "../support/db.js";
import { gid } from "../support/ids.js";
import type { Organization } from "../support/organizations.js";
import { errorCode, type TestServer } from "../support/server.js";
import { ALL_ORGANIZATION_PERMISSIONS, startWithTwoClients } from "./fixtures.js";

const OrgAddFunding = graphql(`
  mutation OrgAddFunding($input: AddFundingInput!) {
    addFunding(input: $input) {
      deposit { amount { amount currency } note createdAt }
      contract {
        id
        funding {
          deposited { amount currency formatted }
          committed { amount }
          remaining { amount }
          deposits { amount { amount } note }
        }
        auditHistory { action changes { field from to } }
      }
    }
  }
`);

const OrgFunding = graphql(`
  query OrgFunding($contractId: ID, $trialId: ID) {
    funding(contractId: $contractId, trialId: $trialId) { amount currency formatted }
  }
`);

const OrgContractFunding = graphql(`
  query OrgContractFunding($id: ID!) {
    contract(id: $id) {
      id
      funding { deposited { amount } committed { amount } remaining { amount } deposits { amount { amount } } }
      auditHistory { action }
    }
  }
`);

const OrgContractsFunding = graphql(`
  query OrgContractsFunding($clientId: ID) {
    contracts(clientId: $clientId, first: 50) {
      edges { node { id funding { remaining { amount } deposits { amount { amount } } } } }
    }
  }
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

/** A fresh USD contract of client A (straight into the database: contracts are not under test here). */
async function freshContract(currency = "USD", clientId = a.client.id) {
  const [row] = await server.db
    .insert(contracts)
    .values({ clientId, name: "Funding test", currency, totalValueMinor: 100_000_000n })
    .returning();
  return row!;
}

const addFunding = (
  contractId: string,
  amount: string,
  currency = "USD",
  token = adminToken,
  note?: string,
) =>
  server.request(
    OrgAddFunding,
    { input: { contractId: gid.contract(contractId), amount: { amount, currency }, note } },
    token,
  );

async function ledger(contractId: string) {
  const [row] = await server.sql<{ deposited: string; ledger: string; deposits: number }[]>`
    SELECT c.deposited_minor::text AS deposited,
           (SELECT coalesce(sum(amount_minor), 0)::text FROM funding_deposits WHERE contract_id = c.id) AS ledger,
           (SELECT count(*)::int FROM funding_deposits WHERE contract_id = c.id) AS deposits
    FROM contracts c WHERE c.id = ${contractId}`;
  return row!;
}

describe("addFunding", () => {
  it("records deposits in the ledger and the running total, which agree; each audited", async () => {
    const contract = await freshContract();
    const first = await addFunding(contract.id, "250000", "USD", adminToken, "Wire 1");
    expect(first.errors).toBeUndefined();
    expect(first.data!.addFunding.deposit).toMatchObject({
      amount: { amount: "250000.00", currency: "USD" },
      note: "Wire 1",
    });
    const second = await addFunding(contract.id, "111.11", "usd");
    expect(second.errors).toBeUndefined();
    const funding = second.data!.addFunding.contract.funding!;
    expect(funding).toEqual({
      deposited: { amount: "250111.11", currency: "USD", formatted: "$250,111.11" },
      committed: { amount: "0.00" },
      remaining: { amount: "250111.11" },
      deposits: [
        { amount: { amount: "250000.00" }, note: "Wire 1" },
        { amount: { amount: "111.11" }, note: null },
      ],
    });
    expect(await ledger(contract.id)).toEqual({ deposited: "25011111", ledger: "25011111", deposits: 2 });

    const audit = await auditEntriesFor(server, contract.id);
    expect(audit.map((e) => e.action)).toEqual(["add_funding", "add_funding"]);
    expect(audit[0]).toMatchObject({ actor_user_id: adminUid });
    expect(audit[0]!.changes.deposited).toEqual({ from: "0.00", to: "250000.00" });
    expect(audit[1]!.changes.deposited).toEqual({ from: "250000.00", to: "250111.11" });
    expect(second.data!.addFunding.contract.auditHistory[0]!.changes).toContainEqual({
      field: "deposited",
      from: "250000.00",
      to: "250111.11",
    });
  });

  it.each([
    ["another currency than the contract's", "100.00", "EUR", "amount.currency"],
    ["a negative amount", "-100.00", "USD", "amount.amount"],
    ["zero", "0.00", "USD", "amount.amount"],
    ["too many decimals", "100.001", "USD", "amount.amount"],
    ["decimals JPY does not have", "100.5", "JPY", "amount.amount"],
    ["not a number", "lots", "USD", "amount.amount"],
    ["a float in exponent form", "1e3", "USD", "amount.amount"],
    ["an unknown currency", "100", "ZZZ", "amount.currency"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_case, amount, currency, field) => {
    const contract = await freshContract();
    const result = await expectNothingWritten(server, () => addFunding(contract.id, amount, currency));
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.extensions!.fields).toContainEqual(expect.objectContaining({ field }));
  });

  it("keeps the running total equal to the ledger under 20 concurrent deposits", async () => {
    const contract = await freshContract();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addFunding(contract.id, `${i + 1}.01`)),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    const expected = Array.from({ length: 20 }, (_, i) => (i + 1) * 100 + 1).reduce((s, v) => s + v, 0);
    expect(await ledger(contract.id)).toEqual({
      deposited: String(expected),
      ledger: String(expected),
      deposits: 20,
    });
    expect(await auditEntriesFor(server, contract.id)).toHaveLength(20);
  });

  it("lets a user holding add_funding on the client fund the client's contract", async () => {
    const contract = await freshContract();
    const staff = await staffWith(server, ["add_funding"], { clientId: a.client.id });
    const result = await addFunding(contract.id, "500", "USD", staff.token);
    // add_funding alone does not show the funding, nor the history that records it (that needs view_contract)
    expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["addFunding", "contract", "funding"], "FORBIDDEN"],
      [["addFunding", "contract", "auditHistory"], "FORBIDDEN"],
    ]);
    expect(await ledger(contract.id)).toMatchObject({ deposited: "50000", ledger: "50000" });
    const audit = await auditEntriesFor(server, contract.id);
    expect(audit[0]).toMatchObject({ action: "add_funding", actor_user_id: staff.uid });
  });

  it("refuses a user whose add_funding is on another client (NOT_FOUND) and writes nothing", async () => {
    const staff = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    const result = await expectNothingWritten(server, () =>
      addFunding(a.contract.id, "500", "USD", staff.token),
    );
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(result.data).toBeNull();
  });

  it("refuses a user whose add_funding is only on a trial of the contract (FORBIDDEN) and writes nothing", async () => {
    const staff = await staffWith(server, ["add_funding", "view_contract"], { trialId: a.trial.id });
    const result = await expectNothingWritten(server, () =>
      addFunding(a.contract.id, "500", "USD", staff.token),
    );
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("refuses a user who only views the contract (FORBIDDEN), and anonymous callers, writing nothing", async () => {
    const staff = await staffWith(server, ["view_contract"], { contractId: a.contract.id });
    const viewer = await expectNothingWritten(server, () =>
      addFunding(a.contract.id, "500", "USD", staff.token),
    );
    expect(errorCode(viewer)).toBe("FORBIDDEN");
    const anonymous = await expectNothingWritten(server, () =>
      addFunding(a.contract.id, "500", "USD", null as unknown as string),
    );
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
    const unknown = await expectNothingWritten(server, () => addFunding(newId(), "500"));
    expect(errorCode(unknown)).toBe("NOT_FOUND");
  });
});

describe("funding (remaining)", () => {
  it("is deposits − committed, by contract or by one of its trials, as a decimal string", async () => {
    await addFunding(b.contract.id, "200000");
    await addFunding(b.contract.id, "100000");
    // payments committed out of the contract (the payments area keeps this total)
    await server.sql`UPDATE contracts SET committed_minor = 5000000 WHERE id = ${b.contract.id}`;
    const byContract = await server.request(
      OrgFunding,
      { contractId: gid.contract(b.contract.id) },
      adminToken,
    );
    expect(byContract.errors).toBeUndefined();
    expect(byContract.data!.funding).toEqual({
      amount: "250000.00",
      currency: "USD",
      formatted: "$250,000.00",
    });
    const byTrial = await server.request(OrgFunding, { trialId: gid.trial(b.trial.id) }, adminToken);
    expect(byTrial.data!.funding.amount).toBe("250000.00");
    const onContract = await server.request(
      OrgContractFunding,
      { id: gid.contract(b.contract.id) },
      adminToken,
    );
    expect(onContract.data!.contract.funding).toMatchObject({
      deposited: { amount: "300000.00" },
      committed: { amount: "50000.00" },
      remaining: { amount: "250000.00" },
    });
  });

  it("is zero for a contract never funded", async () => {
    const contract = await freshContract();
    const result = await server.request(OrgFunding, { contractId: gid.contract(contract.id) }, adminToken);
    expect(result.data!.funding.amount).toBe("0.00");
  });

  it("needs exactly one of contractId and trialId, of the right types", async () => {
    const both = await server.request(
      OrgFunding,
      { contractId: gid.contract(a.contract.id), trialId: gid.trial(a.trial.id) },
      adminToken,
    );
    expect(errorCode(both)).toBe("BAD_USER_INPUT");
    const neither = await server.request(OrgFunding, {}, adminToken);
    expect(errorCode(neither)).toBe("BAD_USER_INPUT");
    const wrongType = await server.request(OrgFunding, { contractId: gid.trial(a.trial.id) }, adminToken);
    expect(errorCode(wrongType)).toBe("BAD_USER_INPUT");
    const unknownTrial = await server.request(OrgFunding, { trialId: gid.trial(newId()) }, adminToken);
    expect(errorCode(unknownTrial)).toBe("NOT_FOUND");
  });

  it("needs view_contract on the contract: granted on the client works, another client's or a trial's does not", async () => {
    const onClient = await staffWith(server, ["view_contract"], { clientId: a.client.id });
    const ok = await server.request(OrgFunding, { contractId: gid.contract(a.contract.id) }, onClient.token);
    expect(ok.errors).toBeUndefined();
    const viaTrial = await server.request(OrgFunding, { trialId: gid.trial(a.trial.id) }, onClient.token);
    expect(viaTrial.errors).toBeUndefined();

    const onOther = await staffWith(server, ALL_ORGANIZATION_PERMISSIONS, { clientId: b.client.id });
    for (const args of [{ contractId: gid.contract(a.contract.id) }, { trialId: gid.trial(a.trial.id) }]) {
      const other = await server.request(OrgFunding, args, onOther.token);
      expect(errorCode(other)).toBe("NOT_FOUND");
      expect(other.data).toBeNull();
    }

    const onTrial = await staffWith(server, ["view_contract", "view_trials"], { trialId: a.trial.id });
    for (const args of [{ contractId: gid.contract(a.contract.id) }, { trialId: gid.trial(a.trial.id) }]) {
      const child = await server.request(OrgFunding, args, onTrial.token);
      expect(errorCode(child)).toBe("FORBIDDEN");
      expect(child.data).toBeNull();
    }
    const anonymous = await server.request(OrgFunding, { contractId: gid.contract(a.contract.id) });
    expect(errorCode(anonymous)).toBe("UNAUTHENTICATED");
  });

  it("shows Contract.funding, and the history that records it, only to viewers holding view_contract", async () => {
    const id = gid.contract(b.contract.id);
    const viewer = await staffWith(server, ["view_contract"], { clientId: b.client.id });
    const shown = await server.request(OrgContractFunding, { id }, viewer.token);
    expect(shown.data!.contract.funding).not.toBeNull();
    expect(shown.data!.contract.auditHistory.map((e) => e.action)).toContain("add_funding");

    const trialsOnly = await staffWith(server, ["view_trials"], { clientId: b.client.id });
    const hidden = await server.request(OrgContractFunding, { id }, trialsOnly.token);
    expect(hidden.data).toBeNull();
    expect(hidden.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [["contract", "funding"], "FORBIDDEN"],
      [["contract", "auditHistory"], "FORBIDDEN"],
    ]);
  });

  it("loads the funding and deposits of many contracts in a fixed number of statements", async () => {
    const [client] = await server.sql<{ id: string }[]>`
      INSERT INTO clients (id, name) VALUES (${newId()}, 'Batch client') RETURNING id`;
    const statementsFor = async () => {
      const before = server.statements.count;
      const result = await server.request(
        OrgContractsFunding,
        { clientId: gid.client(client!.id) },
        adminToken,
      );
      expect(result.errors).toBeUndefined();
      return { statements: server.statements.count - before, rows: result.data!.contracts.edges.length };
    };
    const addContracts = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const contract = await freshContract("USD", client!.id);
        await addFunding(contract.id, "10");
        await addFunding(contract.id, "20");
      }
    };
    await addContracts(2);
    await statementsFor(); // warm-up
    const few = await statementsFor();
    await addContracts(8);
    const many = await statementsFor();
    expect([few.rows, many.rows]).toEqual([2, 10]);
    expect(many.statements).toBe(few.statements);
  });
});
