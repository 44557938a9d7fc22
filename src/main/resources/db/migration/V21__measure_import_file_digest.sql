-- The SHA-256 of each import's file, so that importing the same file again is refused instead of storing
-- every response twice. At most one successful import of a file per instrument version: the unique index
-- also settles two identical imports running at once (the second waits for the first, then fails).
alter table measure_import_job add column file_sha256 text;
create unique index measure_import_job_file_once on measure_import_job (instrument_version_id, file_sha256)
    where status = 'SUCCEEDED';
