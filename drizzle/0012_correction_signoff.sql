-- 签发 of corrections (issue #15, item 5): where a publication requires
-- sign-off, a correction waits as `pending` (readers keep the signed text)
-- until a signer signs it (`published`) or returns it (`returned`, with the
-- comment). It keeps the article's new text, the snapshot it was drafted
-- against and the hash the signature covers. At most one pending per issue.
ALTER TABLE "corrections" ADD COLUMN "status" text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "body" jsonb;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "base_snapshot_id" integer;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "decided_by_id" integer;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "corrections" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_base_snapshot_id_issue_snapshots_id_fk" FOREIGN KEY ("base_snapshot_id") REFERENCES "public"."issue_snapshots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "corrections_one_pending_key" ON "corrections" USING btree ("issue_id") WHERE "corrections"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_status_check" CHECK ("corrections"."status" in ('pending', 'published', 'returned'));--> statement-breakpoint
ALTER TABLE "corrections" ADD CONSTRAINT "corrections_published_check" CHECK ("corrections"."status" <> 'published' or "corrections"."snapshot_id" is not null);--> statement-breakpoint
UPDATE "corrections" SET "published_at" = "created_at" WHERE "status" = 'published';--> statement-breakpoint
-- Readers see corrections only through snapshots; a pending or returned one
-- changes nothing they see, so it leaves the reader version (0003) alone.
DROP TRIGGER "reader_version_corrections" ON "corrections";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_corrections" AFTER INSERT OR UPDATE ON "corrections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."status" = 'published') EXECUTE FUNCTION "cms_bump_reader_version"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_corrections_delete" AFTER DELETE ON "corrections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" = 'published') EXECUTE FUNCTION "cms_bump_reader_version"();
