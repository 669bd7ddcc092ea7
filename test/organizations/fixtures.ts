import { eq } from "drizzle-orm";
import { users } from "../../db/schema/index.js";
import { createOrganization } from "../support/organizations.js";
import { ADMIN_EMAIL, startTestServer } from "../support/server.js";

/** A minimal PDF of about `size` bytes (at least the header and trailer). */
export function pdfBytes(size = 0): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  const tail = Buffer.from("\n%%EOF\n");
  const padding = Buffer.alloc(Math.max(0, size - head.length - tail.length), "%");
  return Buffer.concat([head, padding, tail]);
}

/** The permissions every organisations mutation or read needs, for "holds everything there" users. */
export const ALL_ORGANIZATION_PERMISSIONS = [
  "view_clients",
  "view_contract",
  "view_sites",
  "view_trials",
  "edit_contract",
  "add_funding",
  "create_site",
  "delete_site",
];

/** Each organisations test file's setup: a server, the admin's token and raw id, and two clients' organisations. */
export async function startWithTwoClients() {
  const server = await startTestServer();
  const adminToken = await server.loginAdmin();
  const [admin] = await server.db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN_EMAIL));
  return {
    server,
    adminToken,
    adminUid: admin!.id,
    a: await createOrganization(server, "Client A"),
    b: await createOrganization(server, "Client B"),
  };
}
