import type { Database } from "./connection.js";

/** Placeholder replaced below. */
export async function loadDemoData(_db: Database): Promise<{ password: string } | null> {
  return null;
}
