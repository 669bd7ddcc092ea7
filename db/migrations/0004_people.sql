ALTER TABLE "sites" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "registered_trial_site_id" text;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_registered_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("registered_trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_registered_trial_site_idx" ON "participants" USING btree ("registered_trial_site_id");