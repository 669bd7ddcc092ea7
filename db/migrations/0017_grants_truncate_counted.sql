-- TRUNCATE runs no row or transition-table trigger, so count_grants_change never saw it: a grants table emptied so
-- (by hand, in an incident) left every user's count as it was, and a remembered viewer kept the grants it read.
-- Every user who held a grant lost it: each one's count moves.
CREATE FUNCTION count_grants_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users SET grants_version = grants_version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER grants_truncated_counted AFTER TRUNCATE ON grants
  FOR EACH STATEMENT EXECUTE FUNCTION count_grants_truncated();
