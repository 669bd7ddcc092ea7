import { createHash } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "../../db/connection.js";
import { contractDocuments, contracts, fundingDeposits, trials } from "../../db/schema/index.js";
import { type Actor, changesBetween, createdChanges, recordAudit } from "../core/audit.js";
import type { Access } from "../core/authorization.js";
import { conflict, notFound, onViolation, PG_FOREIGN_KEY_VIOLATION, parseInput } from "../core/errors.js";
import { toDecimal } from "../core/money.js";
import * as rules from "./inputs.js";
import { assertDatesOrdered } from "./inputs.js";
import type { Contract } from "./refs.js";

/** The document columns that describe a file, without its bytes. */
const documentInfo = {
  id: contractDocuments.id,
  contractId: contractDocuments.contractId,
  filename: contractDocuments.filename,
  contentType: contractDocuments.contentType,
  sizeBytes: contractDocuments.sizeBytes,
  sha256: contractDocuments.sha256,
  createdAt: contractDocuments.createdAt,
};
export type ContractDocumentInfo = Omit<typeof contractDocuments.$inferSelect, "data" | "uploadedBy">;

/** A contract's money and dates as its audit entries show them. */
function auditView(contract: Partial<Contract>) {
  const { totalValueMinor, currency, clientSignatureDate, startDate, endDate, name } = contract;
  return {
    name,
    clientSignatureDate,
    startDate,
    endDate,
    totalValue:
      totalValueMinor !== undefined && currency !== undefined
        ? `${toDecimal(totalValueMinor, currency)} ${currency}`
        : undefined,
  };
}

/** Locks a contract for a change; NOT_FOUND when it is gone. */
export async function lockContract(tx: Executor, contractId: string): Promise<Contract> {
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for("update");
  if (!contract) throw notFound("Contract");
  return contract;
}

/** Whether any money was ever deposited into the contract (its ledger has a row). */
async function isFunded(tx: Executor, contract: Contract): Promise<boolean> {
  if (contract.depositedMinor > 0n) return true;
  const [row] = await tx
    .select({ id: fundingDeposits.id })
    .from(fundingDeposits)
    .where(eq(fundingDeposits.contractId, contract.id))
    .limit(1);
  return row !== undefined;
}

export async function createContract(
  tx: Executor,
  actor: Actor,
  clientId: string,
  raw: unknown,
): Promise<Contract> {
  const input = parseInput(rules.createContract, raw);
  assertDatesOrdered(input);
  const { totalValue, ...fields } = input;
  const values = {
    ...fields,
    clientId,
    totalValueMinor: totalValue.amountMinor,
    currency: totalValue.currency,
  };
  const [contract] = (await onViolation(() => tx.insert(contracts).values(values).returning(), {
    code: PG_FOREIGN_KEY_VIOLATION,
    error: () => notFound("Client"), // deleted meanwhile
  })) as [Contract];
  await recordAudit(tx, actor, {
    action: "create_contract",
    resourceType: "contract",
    resourceId: contract.id,
    changes: createdChanges({ clientId, ...auditView(contract) }),
  });
  return contract;
}

/**
 * Changes a contract's details (undefined keeps a field, null clears a date). Its currency cannot change once
 * money was deposited in it: the ledger is in that currency.
 */
export async function editContract(
  tx: Executor,
  actor: Actor,
  contractId: string,
  input: unknown,
): Promise<Contract> {
  const patch = parseInput(rules.editContract, input);
  const before = await lockContract(tx, contractId);
  assertDatesOrdered({
    startDate: patch.startDate === undefined ? before.startDate : patch.startDate,
    endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
  });
  const { totalValue, ...fields } = patch;
  if (totalValue && totalValue.currency !== before.currency && (await isFunded(tx, before))) {
    throw conflict(
      `This contract is funded in ${before.currency}; its currency cannot change. Give the total value in ${before.currency}.`,
    );
  }
  const values = {
    ...fields,
    ...(totalValue ? { totalValueMinor: totalValue.amountMinor, currency: totalValue.currency } : {}),
  };
  // Nothing given, nothing changed (nor audited).
  if (Object.keys(values).length === 0) return before;
  const [contract] = await tx.update(contracts).set(values).where(eq(contracts.id, contractId)).returning();
  await recordAudit(tx, actor, {
    action: "edit_contract",
    resourceType: "contract",
    resourceId: contractId,
    changes: changesBetween(auditView(before), auditView(contract!)),
  });
  return contract!;
}

/** Stores a new version of the contract's signed PDF (checked to be one); the latest one is shown. */
export async function uploadContractDocument(
  tx: Executor,
  actor: Actor,
  contractId: string,
  input: unknown,
): Promise<ContractDocumentInfo> {
  const file = parseInput(rules.contractDocument, input);
  const [previous] = await latestDocuments(tx, [contractId]);
  const [document] = (await onViolation(
    () =>
      tx
        .insert(contractDocuments)
        .values({
          contractId,
          filename: file.filename,
          contentType: "application/pdf",
          sizeBytes: file.data.length,
          sha256: createHash("sha256").update(file.data).digest("hex"),
          data: file.data,
          uploadedBy: actor.realUserId,
        })
        .returning(documentInfo),
    { code: PG_FOREIGN_KEY_VIOLATION, error: () => notFound("Contract") }, // deleted meanwhile
  )) as [ContractDocumentInfo];
  const describe = (d: ContractDocumentInfo | undefined) =>
    d ? { id: d.id, filename: d.filename, sizeBytes: d.sizeBytes, sha256: d.sha256 } : null;
  await recordAudit(tx, actor, {
    action: "upload_contract_document",
    resourceType: "contract",
    resourceId: contractId,
    changes: { document: { from: describe(previous), to: describe(document) } },
  });
  return document;
}

/** Deletes a contract that was never funded and has no trials (its documents go with it). */
export async function deleteContract(tx: Executor, actor: Actor, contractId: string): Promise<Contract> {
  const contract = await lockContract(tx, contractId);
  if (await isFunded(tx, contract))
    throw conflict("This contract has been funded; it cannot be deleted. Funding belongs to the client.");
  const [trial] = await tx
    .select({ id: trials.id })
    .from(trials)
    .where(eq(trials.contractId, contractId))
    .limit(1);
  if (trial) throw conflict("This contract has trials; delete them first.");
  await onViolation(() => tx.delete(contracts).where(eq(contracts.id, contractId)), {
    code: PG_FOREIGN_KEY_VIOLATION,
    error: () => conflict("This contract has been funded or has trials; it cannot be deleted."),
  });
  await recordAudit(tx, actor, {
    action: "delete_contract",
    resourceType: "contract",
    resourceId: contractId,
    changes: { name: { from: contract.name, to: null } },
  });
  return contract;
}

/** The latest document of each contract (without the bytes), in one statement. */
export function latestDocuments(
  db: Executor,
  contractIds: readonly string[],
): Promise<ContractDocumentInfo[]> {
  return db
    .selectDistinctOn([contractDocuments.contractId], documentInfo)
    .from(contractDocuments)
    .where(inArray(contractDocuments.contractId, [...contractIds]))
    .orderBy(contractDocuments.contractId, desc(contractDocuments.createdAt), desc(contractDocuments.id));
}

/** Where a document is downloaded (server/app.ts serves it with downloadContractDocument). */
export const documentPath = (documentId: string) => `/files/contract-documents/${documentId}`;

/**
 * A contract document with its bytes, for a viewer holding view_contract on its contract; null otherwise (or
 * when there is no such document), so a download never tells who may not see a document whether it exists.
 */
export async function downloadContractDocument(db: Database, access: Access, documentId: string) {
  if (!/^[A-Za-z0-9]{1,64}$/.test(documentId)) return null;
  const [info] = await db
    .select({ contractId: contractDocuments.contractId })
    .from(contractDocuments)
    .where(eq(contractDocuments.id, documentId));
  if (!info || !(await access.holds("view_contract", { type: "contract", id: info.contractId }))) return null;
  const [document] = await db
    .select({ ...documentInfo, data: contractDocuments.data })
    .from(contractDocuments)
    .where(and(eq(contractDocuments.id, documentId), eq(contractDocuments.contractId, info.contractId)));
  return document ?? null;
}
