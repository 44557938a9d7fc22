-- Publishing a corrected instrument version (hazard H-08).

-- After an administrator re-scores the responses answered on a version with another version's rules, a
-- response to that version completed later is scored with the same rules, so that it compares with the
-- re-scored ones. Null: the version's own rules.
alter table instrument_version add column rescored_with_version_id bigint references instrument_version(id);

-- A version whose rules scored stored responses is never edited or deleted either, like an answered one:
-- those scores say "scored with" it. It scored them when responses answered on another version carry it
-- as their scoring version (re-scored, or completed after a re-scoring), when a re-scoring moved scores to
-- it (the history keeps them), or when responses of another version are now scored with it.
-- The partial index holds only the few responses scored with a version other than their own.
create index measure_response_scored_with_other on measure_response (scoring_version_id)
    where scoring_version_id <> instrument_version_id;
create index measure_rescore_to_version on measure_rescore (to_scoring_version_id);

-- 'ANSWERED', 'SCORED' or null (neither): what makes a version unchangeable. Start-up asks it too.
create function instrument_version_use(version_id bigint) returns text language sql stable as $$
    select case
        when exists (select 1 from measure_response r where r.instrument_version_id = version_id) then 'ANSWERED'
        when exists (select 1 from measure_response r
                     where r.scoring_version_id = version_id and r.scoring_version_id <> r.instrument_version_id)
          or exists (select 1 from measure_rescore s where s.to_scoring_version_id = version_id)
          or exists (select 1 from instrument_version v where v.rescored_with_version_id = version_id) then 'SCORED'
    end
$$;

create or replace function instrument_version_unchanged_once_answered() returns trigger language plpgsql as $$
declare
    in_use text := instrument_version_use(old.id);
    what text := case in_use when 'ANSWERED' then 'has been answered' else 'has scored stored responses' end;
begin
    if in_use is not null then
        if tg_op = 'DELETE' then
            raise exception 'instrument % version % % and cannot be deleted', old.code, old.version, what;
        end if;
        if new.code <> old.code or new.version <> old.version
                or (new.definition - 'superseded') <> (old.definition - 'superseded') then
            raise exception 'instrument % version % % and cannot be edited; publish a new version that supersedes it',
                old.code, old.version, what;
        end if;
    end if;
    return coalesce(new, old);
end
$$;
