CREATE TYPE "public"."candidate_status" AS ENUM('in_progress', 'dropout', 'completed');--> statement-breakpoint
CREATE TYPE "public"."questionnaire_version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "candidate_events" (
	"id" text PRIMARY KEY NOT NULL,
	"candidate_id" text NOT NULL,
	"trial_id" text NOT NULL,
	"sequence" bigint GENERATED ALWAYS AS IDENTITY (sequence name "candidate_events_sequence_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" text PRIMARY KEY NOT NULL,
	"trial_id" text NOT NULL,
	"version_id" text NOT NULL,
	"owner" text NOT NULL,
	"external_id" text NOT NULL,
	"referrer_token" text,
	"locale" text NOT NULL,
	"status" "candidate_status" DEFAULT 'in_progress' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligible" boolean,
	"pii" jsonb,
	"consents" jsonb,
	"preferences" jsonb,
	"preferred_trial_site_id" text,
	"referred_trial_site_id" text,
	"participant_id" text,
	"enrollment_id" text,
	"submitted_at" timestamp (3) with time zone,
	"anonymised_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_owner_external_key" UNIQUE("owner","external_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"questionnaire_id" text NOT NULL,
	"number" integer NOT NULL,
	"status" "questionnaire_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp (3) with time zone,
	"published_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_versions_number_key" UNIQUE("questionnaire_id","number")
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" text PRIMARY KEY NOT NULL,
	"trial_id" text NOT NULL,
	"study_id" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaires_trialId_unique" UNIQUE("trial_id"),
	CONSTRAINT "questionnaires_studyId_unique" UNIQUE("study_id")
);
--> statement-breakpoint
CREATE TABLE "recruiting_sites" (
	"trial_site_id" text PRIMARY KEY NOT NULL,
	"recruiting" boolean DEFAULT false NOT NULL,
	"country" text,
	"postal_code_prefix" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruiting_sites_country_iso" CHECK ("recruiting_sites"."country" IS NULL OR "recruiting_sites"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
ALTER TABLE "candidate_events" ADD CONSTRAINT "candidate_events_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_version_id_questionnaire_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."questionnaire_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_preferred_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("preferred_trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_referred_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("referred_trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_enrollment_id_enrollments_id_fk" FOREIGN KEY ("enrollment_id") REFERENCES "public"."enrollments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruiting_sites" ADD CONSTRAINT "recruiting_sites_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidate_events_candidate_idx" ON "candidate_events" USING btree ("candidate_id","sequence");--> statement-breakpoint
CREATE INDEX "candidate_events_trial_idx" ON "candidate_events" USING btree ("trial_id","kind");--> statement-breakpoint
CREATE INDEX "candidates_trial_idx" ON "candidates" USING btree ("trial_id");--> statement-breakpoint
CREATE INDEX "candidates_referred_idx" ON "candidates" USING btree ("referred_trial_site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_versions_one_draft" ON "questionnaire_versions" USING btree ("questionnaire_id") WHERE "questionnaire_versions"."status" = 'draft';--> statement-breakpoint
-- hand-written below
-- Pre-screening permissions and where the role templates hold them (README "Roles and their templates").
INSERT INTO permissions (name, description) VALUES
  ('manage_prescreening', 'Edit and publish a trial''s pre-screening questionnaire, its recruiting sites and partners'),
  ('view_candidates', 'See the candidates referred to a trial site and enroll them');
--> statement-breakpoint
INSERT INTO role_permissions (id, role_name, permission_name) VALUES
  ('tpl_'||md5('Mural Admin/manage_prescreening'), 'Mural Admin', 'manage_prescreening'),
  ('tpl_'||md5('Mural Admin/view_candidates'), 'Mural Admin', 'view_candidates'),
  ('tpl_'||md5('Admin/manage_prescreening'), 'Admin', 'manage_prescreening'),
  ('tpl_'||md5('Admin/view_candidates'), 'Admin', 'view_candidates'),
  ('tpl_'||md5('Mural Support/view_candidates'), 'Mural Support', 'view_candidates'),
  ('tpl_'||md5('Site Admin/view_candidates'), 'Site Admin', 'view_candidates'),
  ('tpl_'||md5('Site Coordinator/view_candidates'), 'Site Coordinator', 'view_candidates');
--> statement-breakpoint
-- A published questionnaire version is frozen: candidates answered it as it was.
CREATE FUNCTION refuse_published_questionnaire_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published questionnaire version cannot change' USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_frozen BEFORE UPDATE ON questionnaire_versions
  FOR EACH ROW WHEN (OLD.status = 'published') EXECUTE FUNCTION refuse_published_questionnaire_change();
--> statement-breakpoint
-- The funnel is history: its events are never changed (they go only with their candidate's trial).
CREATE TRIGGER candidate_events_append_only BEFORE UPDATE ON candidate_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
