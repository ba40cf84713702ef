-- Every bump of the reader version is also announced with NOTIFY (delivered at
-- commit, once per transaction since the payload is always the same). A
-- server on embedded PGlite — the only process that can open its data
-- directory — listens, so it knows the version without asking for it on
-- every reader request (lib/reader-cache/runtime.ts).
CREATE OR REPLACE FUNCTION "cms_bump_reader_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "reader_version" SET "version" = "version" + 1 WHERE "id" = 1;
	PERFORM pg_notify('cms_reader_version', '');
	RETURN NULL;
END
$$;
