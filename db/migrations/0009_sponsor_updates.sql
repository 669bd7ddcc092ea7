CREATE TYPE "public"."recruitment_status" AS ENUM('not_started', 'recruiting', 'paused', 'closed_to_enrollment', 'completed');--> statement-breakpoint
CREATE TABLE "irb_document_files" (
	"document_id" text PRIMARY KEY NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "irb_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"trial_id" text NOT NULL,
	"version" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"irb_status" "irb_status",
	"uploaded_by_user_id" text,
	"uploaded_by_api_client_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "irb_documents_trial_version_key" UNIQUE("trial_id","version"),
	CONSTRAINT "irb_documents_version_positive" CHECK ("irb_documents"."version" > 0),
	CONSTRAINT "irb_documents_size_positive" CHECK ("irb_documents"."size_bytes" > 0),
	CONSTRAINT "irb_documents_one_uploader" CHECK ("irb_documents"."uploaded_by_user_id" IS NULL OR "irb_documents"."uploaded_by_api_client_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "recruitment_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"trial_site_id" text NOT NULL,
	"text" text NOT NULL,
	"author_user_id" text,
	"author_api_client_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recruitment_notes_one_author" CHECK ("recruitment_notes"."author_user_id" IS NULL OR "recruitment_notes"."author_api_client_id" IS NULL)
);
--> statement-breakpoint
CREATE TABLE "trial_site_recruitment" (
	"trial_site_id" text PRIMARY KEY NOT NULL,
	"status" "recruitment_status" NOT NULL,
	"changed_by_user_id" text,
	"changed_by_api_client_id" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trial_site_recruitment_one_author" CHECK ("trial_site_recruitment"."changed_by_user_id" IS NULL OR "trial_site_recruitment"."changed_by_api_client_id" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "download_links" ADD COLUMN "filters" jsonb;--> statement-breakpoint
ALTER TABLE "irb_document_files" ADD CONSTRAINT "irb_document_files_document_id_irb_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."irb_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "irb_documents" ADD CONSTRAINT "irb_documents_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "irb_documents" ADD CONSTRAINT "irb_documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "irb_documents" ADD CONSTRAINT "irb_documents_uploaded_by_api_client_id_api_clients_id_fk" FOREIGN KEY ("uploaded_by_api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_notes" ADD CONSTRAINT "recruitment_notes_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_notes" ADD CONSTRAINT "recruitment_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_notes" ADD CONSTRAINT "recruitment_notes_author_api_client_id_api_clients_id_fk" FOREIGN KEY ("author_api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_site_recruitment" ADD CONSTRAINT "trial_site_recruitment_trial_site_id_trial_sites_id_fk" FOREIGN KEY ("trial_site_id") REFERENCES "public"."trial_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_site_recruitment" ADD CONSTRAINT "trial_site_recruitment_changed_by_user_id_users_id_fk" FOREIGN KEY ("changed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trial_site_recruitment" ADD CONSTRAINT "trial_site_recruitment_changed_by_api_client_id_api_clients_id_fk" FOREIGN KEY ("changed_by_api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- hand-written below
-- Recruitment notes and IRB document versions are history: what was written stays as written (an author's
-- account being deleted may still clear the author column). refuse_history_change() is 0001's.
CREATE TRIGGER recruitment_notes_unchanged BEFORE UPDATE ON recruitment_notes FOR EACH ROW
  WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.trial_site_id IS DISTINCT FROM NEW.trial_site_id
    OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER irb_documents_unchanged BEFORE UPDATE ON irb_documents FOR EACH ROW
  WHEN (OLD.sha256 IS DISTINCT FROM NEW.sha256
    OR OLD.version IS DISTINCT FROM NEW.version OR OLD.trial_id IS DISTINCT FROM NEW.trial_id
    OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER irb_document_files_unchanged BEFORE UPDATE ON irb_document_files FOR EACH ROW
  EXECUTE FUNCTION refuse_history_change();
