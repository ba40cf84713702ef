-- The audit log is append-only and hash-chained (等保 安全审计, issue 21).
-- UPDATE and DELETE on audit_log are refused by a trigger, whoever asks;
-- every inserted row gets the next chain_seq, the previous row's hash, and
-- its own hash over its content and that previous hash, so a row changed
-- behind the trigger's back (trigger dropped, file edited) breaks the chain:
-- `npm run cms -- audit verify` names the first broken row.
-- Inserts are serialized by a transaction-level advisory lock (734099) from
-- the audit insert to the commit, so the chain never forks.
-- TRUNCATE stays possible for the table owner (`cms restore --force`); run
-- the application under a role without TRUNCATE in production (docs/security.md).
CREATE OR REPLACE FUNCTION "cms_audit_hash"("prev" text, "seq" bigint, "r" "audit_log") RETURNS text LANGUAGE sql STABLE AS $$
	SELECT encode(sha256(convert_to(concat_ws(chr(31),
		"prev", "seq"::text, "r"."id"::text, coalesce("r"."actor_id"::text, ''), "r"."action",
		coalesce("r"."target_type", ''), coalesce("r"."target_id", ''), coalesce("r"."details"::text, ''),
		coalesce("r"."ip", ''), to_char("r"."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
	), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "cms_audit_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	last_seq bigint;
	last_hash text;
BEGIN
	PERFORM pg_advisory_xact_lock(734099);
	SELECT "chain_seq", "hash" INTO last_seq, last_hash FROM "audit_log" WHERE "chain_seq" IS NOT NULL ORDER BY "chain_seq" DESC LIMIT 1;
	NEW."chain_seq" := coalesce(last_seq, 0) + 1;
	NEW."prev_hash" := coalesce(last_hash, '');
	NEW."hash" := "cms_audit_hash"(NEW."prev_hash", NEW."chain_seq", NEW);
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "cms_audit_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
-- Rows written before this migration join the chain in id order.
DO $$
DECLARE
	r "audit_log";
	seq bigint := 0;
	prev text := '';
	h text;
BEGIN
	FOR r IN SELECT * FROM "audit_log" ORDER BY "id" LOOP
		seq := seq + 1;
		h := "cms_audit_hash"(prev, seq, r);
		UPDATE "audit_log" SET "chain_seq" = seq, "prev_hash" = prev, "hash" = h WHERE "id" = r."id";
		prev := h;
	END LOOP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "cms_audit_chain"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "cms_audit_append_only"();
--> statement-breakpoint
-- API tokens made before tokens had an expiry get the default: a year from their creation.
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '1 year' WHERE "expires_at" IS NULL;
