import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/connection.js";
import { roleAssignments, users } from "../../db/schema/index.js";
import { recordAudit } from "../core/audit.js";
import { ADMIN_ROLE, assignRole } from "../core/roles.js";
import { assertPasswordAcceptable, hashPassword } from "./passwords.js";

/**
 * On first start (no admin yet) creates the first Mural admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated password that is returned so start-up can print it once. Returns null when an admin exists.
 */
export async function ensureFirstAdmin(db: Database, email: string, password: string | undefined) {
  // One transaction under an advisory lock, so two processes starting together create one admin.
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('mural-link:first-admin'))`);
    const [existing] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(sql`${roleAssignments.roleName} = ${ADMIN_ROLE}`)
      .limit(1);
    if (existing) return null;
    // An existing account with that e-mail is promoted as it is; otherwise the account is created.
    let [admin] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    let chosen: string | null = null;
    if (!admin) {
      chosen = password ?? `${randomBytes(12).toString("base64url")}-7!`;
      assertPasswordAcceptable(chosen, "ADMIN_PASSWORD");
      [admin] = await tx
        .insert(users)
        .values({
          email: email.toLowerCase(),
          firstName: "Mural",
          lastName: "Admin",
          passwordHash: await hashPassword(chosen),
          emailVerified: true,
        })
        .returning();
    }
    await assignRole(tx, { userId: admin!.id, roleName: ADMIN_ROLE, resource: {}, assignedBy: null });
    await recordAudit(
      tx,
      { realUserId: null, userId: null },
      { action: "create_first_admin", resourceType: "user", resourceId: admin!.id },
    );
    return { email: admin!.email, generatedPassword: password ? null : chosen };
  });
}
