CREATE TABLE "ancestry_version" (
	"one" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ancestry_version_one_row" CHECK ("ancestry_version"."one")
);
--> statement-breakpoint
INSERT INTO "ancestry_version" DEFAULT VALUES;
--> statement-breakpoint
-- Every change to how trial sites, trials, contracts, sites and clients hang together counts: a row added or
-- removed, or its id or parent changed. Counted at commit (a deferred constraint trigger), so that the count's row is
-- the last lock its transaction takes: two transactions changing these tables cannot deadlock on it, and one that
-- reads the ancestry and the count in one statement sees both before or both after a change.
CREATE FUNCTION count_ancestry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ancestry_version SET version = version + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER trial_sites_ancestry_counted AFTER INSERT OR DELETE OR UPDATE OF id, trial_id, site_id
  ON trial_sites DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER trials_ancestry_counted AFTER INSERT OR DELETE OR UPDATE OF id, contract_id
  ON trials DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER contracts_ancestry_counted AFTER INSERT OR DELETE OR UPDATE OF id, client_id
  ON contracts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER sites_ancestry_counted AFTER INSERT OR DELETE OR UPDATE OF id, client_id
  ON sites DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER clients_ancestry_counted AFTER INSERT OR DELETE OR UPDATE OF id
  ON clients DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
-- TRUNCATE runs no row trigger; it locks the whole table anyway, so it counts at once.
CREATE TRIGGER trial_sites_truncate_counted AFTER TRUNCATE ON trial_sites
  FOR EACH STATEMENT EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE TRIGGER trials_truncate_counted AFTER TRUNCATE ON trials
  FOR EACH STATEMENT EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE TRIGGER contracts_truncate_counted AFTER TRUNCATE ON contracts
  FOR EACH STATEMENT EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE TRIGGER sites_truncate_counted AFTER TRUNCATE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION count_ancestry_change();
--> statement-breakpoint
CREATE TRIGGER clients_truncate_counted AFTER TRUNCATE ON clients
  FOR EACH STATEMENT EXECUTE FUNCTION count_ancestry_change();
