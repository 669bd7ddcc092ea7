ALTER TABLE "candidates" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "postal_prefix" text;--> statement-breakpoint
CREATE INDEX "candidate_events_answers_idx" ON "candidate_events" USING btree ("candidate_id","sequence") WHERE "candidate_events"."kind" = 'answered';--> statement-breakpoint
CREATE INDEX "candidates_trial_started_idx" ON "candidates" USING btree ("trial_id","created_at");--> statement-breakpoint
CREATE INDEX "candidates_trial_referral_log_idx" ON "candidates" USING btree ("trial_id","submitted_at","id") WHERE "candidates"."referred_trial_site_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_country_iso" CHECK ("candidates"."country" IS NULL OR "candidates"."country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_postal_prefix_coarse" CHECK (char_length("candidates"."postal_prefix") <= 3);
-- hand-written below
-- Candidates from before: their country from their locale's region, their postal prefix from the PII they still have.
UPDATE "candidates" SET
  "country" = upper(substring("locale" from '^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?-([A-Za-z]{2})(?:-|$)')),
  "postal_prefix" = nullif(upper(left(regexp_replace(coalesce("pii"->>'postalCode', ''), '\s', '', 'g'), 3)), '');
