ALTER TABLE "sites" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "registered_trial_site_id" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "visit_milestone_id" text;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_registered_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("registered_trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_visit_milestone_id_milestones_id_fk" FOREIGN KEY ("visit_milestone_id") REFERENCES "public"."milestones"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participants_registered_trial_site_idx" ON "participants" USING btree ("registered_trial_site_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_visit_milestone_mileage" CHECK ("payments"."visit_milestone_id" IS NULL OR "payments"."kind" = 'mileage');