-- Which instrument versions have been answered, kept by the database as responses are stored, so that
-- asking does not read every stored response. instrument_version_use (V26) asked measure_response
-- directly, which has no index by version (an index would slow every import); for a version nobody had
-- answered that read the whole table: 1.45 s for the 8 shipped versions over 1,000,000 responses, at
-- every start-up (measured, see the note on issue 4). Responses are never deleted (a wrong one is marked
-- entered in error), so a version once answered stays answered.
create table instrument_version_answered (
    version_id bigint primary key references instrument_version(id)
);

insert into instrument_version_answered (version_id)
select distinct instrument_version_id from measure_response;

-- Once per statement, over the rows it stored: a CSV import of a million rows pays one pass over them.
-- Only a version not yet marked is inserted, so a committed mark is never locked again and an import in
-- progress does not hold up someone starting a questionnaire on the same version.
create function measure_response_mark_versions_answered() returns trigger language plpgsql as $$
begin
    insert into instrument_version_answered (version_id)
    select distinct s.instrument_version_id from stored_rows s
    where not exists (select 1 from instrument_version_answered a where a.version_id = s.instrument_version_id)
    on conflict do nothing;
    return null;
end
$$;
create trigger measure_response_versions_answered after insert on measure_response
    referencing new table as stored_rows for each statement execute function measure_response_mark_versions_answered();

-- A response stays on the version it was started on (the page's questions came from it).
create function measure_response_version_fixed() returns trigger language plpgsql as $$
begin
    if new.instrument_version_id <> old.instrument_version_id then
        raise exception 'measure response % was started on instrument version %: it stays on it', old.id,
            old.instrument_version_id;
    end if;
    return new;
end
$$;
create trigger measure_response_version_fixed before update of instrument_version_id on measure_response
    for each row execute function measure_response_version_fixed();

-- The function's queries are planned without knowing the version asked about, and for that plan PostgreSQL
-- judged reading the whole table quicker than the partial index measure_response_scored_with_other (it
-- cannot tell how few rows a column <> column condition keeps): 340 ms a version over 1,000,000 responses.
-- Without sequential scans it takes the index for that question and reads the small tables as before.
create or replace function instrument_version_use(version_id bigint) returns text language sql stable
    set enable_seqscan = off as $$
    select case
        when exists (select 1 from instrument_version_answered a where a.version_id = instrument_version_use.version_id)
            then 'ANSWERED'
        when exists (select 1 from measure_response r
                     where r.scoring_version_id = instrument_version_use.version_id
                       and r.scoring_version_id <> r.instrument_version_id)
          or exists (select 1 from measure_rescore s where s.to_scoring_version_id = instrument_version_use.version_id)
          or exists (select 1 from instrument_version v where v.rescored_with_version_id = instrument_version_use.version_id)
            then 'SCORED'
    end
$$;
