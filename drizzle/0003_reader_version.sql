-- The reader version: one counter that changes whenever anything readers can
-- see may have changed (publications, published or withdrawn issues — not
-- drafts being assembled —, published snapshots, corrections). Reader pages are cached per version (lib/reader-cache), so
-- every server instance sees a change on its next request. The counter is
-- bumped by deferred constraint triggers, i.e. at commit time: its row lock is
-- the last lock a transaction takes (no deadlocks), and the new version
-- becomes visible in the same instant as the change itself.
-- Not part of db/schema.ts on purpose: it is bookkeeping, not domain data
-- (backups leave it out; a restored database starts at version 0 again).
CREATE TABLE "reader_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "reader_version_single_row" CHECK ("id" = 1)
);
--> statement-breakpoint
INSERT INTO "reader_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "cms_bump_reader_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "reader_version" SET "version" = "version" + 1 WHERE "id" = 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_publications" AFTER INSERT OR UPDATE OR DELETE ON "publications" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "cms_bump_reader_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_issues_insert" AFTER INSERT ON "issues" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW."status" IN ('published', 'withdrawn')) EXECUTE FUNCTION "cms_bump_reader_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_issues_update" AFTER UPDATE ON "issues" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" IN ('published', 'withdrawn') OR NEW."status" IN ('published', 'withdrawn')) EXECUTE FUNCTION "cms_bump_reader_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_issues_delete" AFTER DELETE ON "issues" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD."status" IN ('published', 'withdrawn')) EXECUTE FUNCTION "cms_bump_reader_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_issue_snapshots" AFTER INSERT OR UPDATE OR DELETE ON "issue_snapshots" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "cms_bump_reader_version"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reader_version_corrections" AFTER INSERT OR UPDATE OR DELETE ON "corrections" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "cms_bump_reader_version"();
