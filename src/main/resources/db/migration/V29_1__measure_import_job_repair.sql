-- (Measures' range V20-V29 is full, so this takes 29.1.) An earlier release could store the good rows of a
-- "valid rows only" import and then, failing to write its row report (a control character in a cell),
-- mark the job FAILED with "Nothing was stored": its responses count in charts and team means, but the
-- job page offered no way to withdraw them. Each such job is marked as what it was, SUCCEEDED with the
-- responses it stored, so that it can be seen and withdrawn; one audit entry each. Where the same file
-- already has a succeeded import, or several such jobs share a file, only the first is repaired (one
-- succeeded import per file) and the others are left for an administrator, as before.
with stored as (
    select j.id, count(r.id) as responses
    from measure_import_job j join measure_response r on r.import_job_id = j.id
    where j.status = 'FAILED'
    group by j.id
), repairable as (
    select distinct on (j.instrument_version_id, coalesce(j.file_sha256, j.id::text)) j.id, s.responses
    from measure_import_job j join stored s on s.id = j.id
    where not exists (select 1 from measure_import_job o where o.status = 'SUCCEEDED'
                      and o.instrument_version_id = j.instrument_version_id and o.file_sha256 = j.file_sha256)
    order by j.instrument_version_id, coalesce(j.file_sha256, j.id::text), j.id
), repaired as (
    update measure_import_job j
    set status = 'SUCCEEDED', failure = null, rows_imported = r.responses, updated_at = now(), version = j.version + 1
    from repairable r
    where j.id = r.id
    returning j.id, r.responses
)
insert into audit_entry (actor_username, action, outcome, record_type, record_id, person_id, detail)
select 'system', 'CHANGED', 'ALLOWED', 'measure_import_job', repaired.id::text, null,
       'marked SUCCEEDED: shown as failed, but it had stored responses (' || repaired.responses || ') (migration V29.1)'
from repaired;
