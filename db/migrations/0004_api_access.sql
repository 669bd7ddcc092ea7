CREATE TYPE "public"."api_access_request_status" AS ENUM('requested', 'approved', 'rejected', 'agreement_accepted', 'sandbox', 'production');--> statement-breakpoint
CREATE TYPE "public"."api_client_reach" AS ENUM('client', 'contract', 'trials');--> statement-breakpoint
CREATE TYPE "public"."api_client_status" AS ENUM('active', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."api_environment" AS ENUM('sandbox', 'production');--> statement-breakpoint
CREATE TABLE "api_access_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" text NOT NULL,
	"status" "api_access_request_status" DEFAULT 'requested' NOT NULL,
	"use_case" text NOT NULL,
	"scopes" text[] NOT NULL,
	"requested_by" text,
	"reviewed_by" text,
	"reviewed_at" timestamp (3) with time zone,
	"review_reason" text,
	"agreement_version" text,
	"agreement_accepted_by" text,
	"agreement_accepted_at" timestamp (3) with time zone,
	"validated_by" text,
	"validated_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_client_secrets" (
	"id" text PRIMARY KEY NOT NULL,
	"api_client_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_client_trials" (
	"api_client_id" text NOT NULL,
	"trial_id" text NOT NULL,
	CONSTRAINT "api_client_trials_api_client_id_trial_id_pk" PRIMARY KEY("api_client_id","trial_id")
);
--> statement-breakpoint
CREATE TABLE "api_clients" (
	"id" text PRIMARY KEY NOT NULL,
	"client_identifier" text NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"scopes" text[] NOT NULL,
	"reach" "api_client_reach" DEFAULT 'client' NOT NULL,
	"contract_id" text,
	"environment" "api_environment" NOT NULL,
	"allowed_origins" text[] DEFAULT '{}' NOT NULL,
	"status" "api_client_status" DEFAULT 'active' NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"access_request_id" text,
	"created_by" text,
	"revoked_at" timestamp (3) with time zone,
	"revoked_by" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_clients_clientIdentifier_unique" UNIQUE("client_identifier"),
	CONSTRAINT "api_clients_contract_reach" CHECK (("api_clients"."reach" = 'contract') = ("api_clients"."contract_id" IS NOT NULL)),
	CONSTRAINT "api_clients_expiry_within_a_year" CHECK ("api_clients"."expires_at" <= "api_clients"."created_at" + interval '1 year'),
	CONSTRAINT "api_clients_has_scopes" CHECK (cardinality("api_clients"."scopes") > 0)
);
--> statement-breakpoint
CREATE TABLE "api_request_log" (
	"id" text PRIMARY KEY NOT NULL,
	"api_client_id" text NOT NULL,
	"client_id" text NOT NULL,
	"operation_name" text,
	"document_hash" text,
	"variables" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"result" text NOT NULL,
	"error_codes" text[] DEFAULT '{}' NOT NULL,
	"duration_ms" integer NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_access_tokens" (
	"jti" text PRIMARY KEY NOT NULL,
	"api_client_id" text NOT NULL,
	"secret_id" text NOT NULL,
	"scopes" text[] NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"revoked_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "oauth_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key_sealed" "bytea" NOT NULL,
	"retires_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "trials" ADD COLUMN "sandbox" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "api_access_requests" ADD CONSTRAINT "api_access_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_access_requests" ADD CONSTRAINT "api_access_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_access_requests" ADD CONSTRAINT "api_access_requests_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_access_requests" ADD CONSTRAINT "api_access_requests_agreement_accepted_by_users_id_fk" FOREIGN KEY ("agreement_accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_access_requests" ADD CONSTRAINT "api_access_requests_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_client_secrets" ADD CONSTRAINT "api_client_secrets_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_client_trials" ADD CONSTRAINT "api_client_trials_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_client_trials" ADD CONSTRAINT "api_client_trials_trial_id_trials_id_fk" FOREIGN KEY ("trial_id") REFERENCES "public"."trials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_access_request_id_api_access_requests_id_fk" FOREIGN KEY ("access_request_id") REFERENCES "public"."api_access_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_clients" ADD CONSTRAINT "api_clients_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_request_log" ADD CONSTRAINT "api_request_log_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_request_log" ADD CONSTRAINT "api_request_log_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_access_tokens" ADD CONSTRAINT "oauth_access_tokens_api_client_id_api_clients_id_fk" FOREIGN KEY ("api_client_id") REFERENCES "public"."api_clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_access_tokens" ADD CONSTRAINT "oauth_access_tokens_secret_id_api_client_secrets_id_fk" FOREIGN KEY ("secret_id") REFERENCES "public"."api_client_secrets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_access_requests_client_idx" ON "api_access_requests" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "api_client_secrets_client_idx" ON "api_client_secrets" USING btree ("api_client_id");--> statement-breakpoint
CREATE INDEX "api_client_trials_trial_idx" ON "api_client_trials" USING btree ("trial_id");--> statement-breakpoint
CREATE INDEX "api_clients_client_idx" ON "api_clients" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "api_request_log_client_idx" ON "api_request_log" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "api_request_log_api_client_idx" ON "api_request_log" USING btree ("api_client_id","created_at");--> statement-breakpoint
CREATE INDEX "oauth_access_tokens_client_idx" ON "oauth_access_tokens" USING btree ("api_client_id");--> statement-breakpoint
CREATE INDEX "oauth_access_tokens_expires_idx" ON "oauth_access_tokens" USING btree ("expires_at");--> statement-breakpoint
-- hand-written below
INSERT INTO permissions (name, description) VALUES
  ('manage_api_clients', 'Request API access for the client, accept its data use agreement, and manage its API credentials and their audit trail');
--> statement-breakpoint
INSERT INTO role_permissions (id, role_name, permission_name) VALUES
  ('tpl_'||md5('Admin/manage_api_clients'), 'Admin', 'manage_api_clients'),
  ('tpl_'||md5('Mural Admin/manage_api_clients'), 'Mural Admin', 'manage_api_clients');
--> statement-breakpoint
-- The request log is history: append-only.
CREATE TRIGGER api_request_log_append_only BEFORE UPDATE OR DELETE ON api_request_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
