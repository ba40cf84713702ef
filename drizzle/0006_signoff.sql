-- 签发 (issue #15): the signer role, the statuses awaiting_signoff and signed,
-- who signed an issue, when and the hash of what they signed, the issue's
-- sign-off history, notices about issues, and two publication settings:
-- requires_signoff (on, also for existing publications; their published issues
-- stay as they are) and print_signer (the `签发：姓名` line, off).
CREATE TABLE "issue_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"issue_id" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"comment" text,
	"content_hash" text,
	"content" jsonb,
	"actor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issues" DROP CONSTRAINT "issues_status_check";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_check";--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "signed_by_id" integer;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issues" ADD COLUMN "signed_hash" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "issue_id" integer;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "requires_signoff" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "print_signer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issue_events" ADD CONSTRAINT "issue_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issue_events_issue_idx" ON "issue_events" USING btree ("issue_id","id");--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_signed_by_id_users_id_fk" FOREIGN KEY ("signed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_issue_id_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_signed_check" CHECK ("issues"."status" <> 'signed' or ("issues"."signed_by_id" is not null and "issues"."signed_at" is not null and "issues"."signed_hash" is not null));--> statement-breakpoint
ALTER TABLE "issues" ADD CONSTRAINT "issues_status_check" CHECK ("issues"."status" in ('draft', 'awaiting_signoff', 'signed', 'scheduled', 'published', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'editor', 'signer', 'contributor'));