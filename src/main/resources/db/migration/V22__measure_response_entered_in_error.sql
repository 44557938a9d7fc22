-- A completed response can be marked "entered in error" (wrong person, wrong date, a file imported by
-- mistake), with the reason, who and when. It is never deleted or rewritten: it stays in the record, shown
-- as entered in error, and no longer counts in results, team figures or re-scoring. A whole import can be
-- withdrawn the same way, which also lets the corrected file be imported.
alter table measure_response drop constraint measure_response_status;
alter table measure_response add constraint measure_response_status
    check (status in ('IN_PROGRESS', 'COMPLETED', 'ENTERED_IN_ERROR'));
alter table measure_response drop constraint measure_response_completed;
alter table measure_response add constraint measure_response_completed
    check ((status in ('COMPLETED', 'ENTERED_IN_ERROR')) = (completed_at is not null and score_values is not null));
alter table measure_response add column entered_in_error_at timestamptz;
alter table measure_response add column entered_in_error_by bigint;
alter table measure_response add column entered_in_error_reason text;
alter table measure_response add constraint measure_response_entered_in_error
    check ((status = 'ENTERED_IN_ERROR') = (entered_in_error_at is not null and entered_in_error_reason is not null)
           and length(entered_in_error_reason) between 1 and 500);

-- Completed answers are the record of what the person said: never rewritten. The only change of status a
-- completed response allows is to "entered in error", and that is final.
create or replace function measure_response_answers_final() returns trigger language plpgsql as $$
begin
    if old.status in ('COMPLETED', 'ENTERED_IN_ERROR') and (new.answers is distinct from old.answers
            or new.instrument_version_id <> old.instrument_version_id or new.person_id <> old.person_id) then
        raise exception 'measure response % is completed: its answers cannot change', old.id;
    end if;
    if old.status = 'COMPLETED' and new.status not in ('COMPLETED', 'ENTERED_IN_ERROR') then
        raise exception 'measure response % is completed: it can only be marked entered in error', old.id;
    end if;
    if old.status = 'ENTERED_IN_ERROR' and (new.status <> old.status
            or new.entered_in_error_at is distinct from old.entered_in_error_at
            or new.entered_in_error_reason is distinct from old.entered_in_error_reason
            or new.score_values is distinct from old.score_values) then
        raise exception 'measure response % was entered in error: that is final', old.id;
    end if;
    return new;
end
$$;

alter table measure_import_job drop constraint measure_import_job_status;
alter table measure_import_job add constraint measure_import_job_status
    check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'WITHDRAWN'));
alter table measure_import_job add column withdrawn_at timestamptz;
alter table measure_import_job add column withdrawn_by bigint;
alter table measure_import_job add column withdrawn_reason text;
alter table measure_import_job add constraint measure_import_job_withdrawn
    check ((status = 'WITHDRAWN') = (withdrawn_at is not null and withdrawn_reason is not null)
           and length(withdrawn_reason) between 1 and 500);
