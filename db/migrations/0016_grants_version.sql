ALTER TABLE "users" ADD COLUMN "grants_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every change to a user's grants counts on their row, once per statement: a session's check compares the count
-- (schema/accounts/sessions.ts) instead of reading all their grants on every planned read. A grant moved from one
-- user to another counts for both.
CREATE FUNCTION count_grants_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE users SET grants_version = grants_version + 1 WHERE id IN (SELECT user_id FROM new_grants);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE users SET grants_version = grants_version + 1 WHERE id IN (SELECT user_id FROM old_grants);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER grants_inserted_counted AFTER INSERT ON grants REFERENCING NEW TABLE AS new_grants
  FOR EACH STATEMENT EXECUTE FUNCTION count_grants_change();
--> statement-breakpoint
CREATE TRIGGER grants_updated_counted AFTER UPDATE ON grants REFERENCING OLD TABLE AS old_grants NEW TABLE AS new_grants
  FOR EACH STATEMENT EXECUTE FUNCTION count_grants_change();
--> statement-breakpoint
CREATE TRIGGER grants_deleted_counted AFTER DELETE ON grants REFERENCING OLD TABLE AS old_grants
  FOR EACH STATEMENT EXECUTE FUNCTION count_grants_change();
