import { randomBytes } from "node:crypto";
import { sites, trials } from "../../db/schema/index.js";
import type { TestServer } from "./server.js";

/** A protocol id no other trial has. */
export const uniqueProtocol = (prefix = "P") => `${prefix}-${randomBytes(5).toString("hex")}`;

/** Setup: another trial under a contract, straight into the database. */
export async function insertTrial(server: TestServer, contractId: string, name = "Extra trial") {
  const [trial] = await server.db
    .insert(trials)
    .values({ contractId, name, protocolId: uniqueProtocol("X") })
    .returning();
  return trial!;
}

/** Setup: a site of a client that takes part in no trial yet. */
export async function insertSite(server: TestServer, clientId: string, name = "Spare clinic") {
  const [site] = await server.db.insert(sites).values({ clientId, name }).returning();
  return site!;
}
