-- Outcome measures: every instrument version as loaded, its wording (content), schedules, responses,
-- re-scoring history and imports of responses collected elsewhere.
-- Structure and scoring come from the definition files; a version that has been answered is never
-- edited, only superseded (enforced below as well as at start-up).

create table instrument_version (
    id          bigserial primary key,
    code        text not null,
    version     text not null,
    superseded  boolean not null,
    title       text not null,
    definition  jsonb not null,
    loaded_at   timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (code, version)
);

-- The wording an organisation uses for one instrument version in one language. A new import replaces
-- the current one (the old row stays, current = false): responses keep the content they were shown.
create table instrument_content (
    id                     bigserial primary key,
    instrument_version_id  bigint not null references instrument_version(id),
    language               text not null,
    demo                   boolean not null,
    title                  text,
    copyright              text not null,
    licence_note           text not null,
    content                jsonb not null,
    source_format          text not null,
    origin                 text not null,
    current                boolean not null,
    created_at             timestamptz not null default now(),
    created_by             bigint,
    updated_at             timestamptz not null default now(),
    updated_by             bigint,
    version                integer not null default 0,
    constraint instrument_content_format check (source_format in ('SHIPPED', 'DEMO', 'REFOCUS_JSON', 'FHIR_QUESTIONNAIRE'))
);
create unique index instrument_content_one_current on instrument_content (instrument_version_id, language) where current;

-- When a measure is due for a person: once (every_months null) or recurring.
create table measure_schedule (
    id               bigserial primary key,
    person_id        bigint not null references person(id),
    instrument_code  text not null,
    completion       text not null,
    first_due_on     date not null,
    every_months     integer,
    next_due_on      date,
    status           text not null,
    created_at       timestamptz not null default now(),
    created_by       bigint,
    updated_at       timestamptz not null default now(),
    updated_by       bigint,
    version          integer not null default 0,
    constraint measure_schedule_completion check (completion in ('SELF', 'WITH_STAFF')),
    constraint measure_schedule_status check (status in ('ACTIVE', 'DONE', 'STOPPED')),
    constraint measure_schedule_every check (every_months is null or every_months between 1 and 24),
    constraint measure_schedule_next check ((status = 'ACTIVE') = (next_due_on is not null))
);
create index measure_schedule_person on measure_schedule (person_id);
create index measure_schedule_due on measure_schedule (next_due_on) where status = 'ACTIVE';

-- The person's choice to pause measurement; their practitioner sees it on the due list.
create table measurement_pause (
    person_id   bigint primary key references person(id),
    paused      boolean not null,
    since       timestamptz,
    reason      text,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);

create table measure_import_job (
    id                     bigserial primary key,
    instrument_version_id  bigint not null references instrument_version(id),
    file_name              text not null,
    all_or_nothing         boolean not null,
    status                 text not null,
    rows_read              integer not null default 0,
    rows_with_errors       integer not null default 0,
    rows_imported          integer not null default 0,
    percent_read           integer not null default 0,
    failure                text,
    started_at             timestamptz,
    finished_at            timestamptz,
    created_at             timestamptz not null default now(),
    created_by             bigint,
    updated_at             timestamptz not null default now(),
    version                integer not null default 0,
    constraint measure_import_job_status check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);

-- Row-by-row problems of an import. Messages name rows, columns and codes, never a person.
create table measure_import_error (
    id          bigserial primary key,
    job_id      bigint not null references measure_import_job(id),
    row_number  integer not null,
    field       text,
    message     text not null
);
create index measure_import_error_job on measure_import_error (job_id, row_number);

-- One questionnaire as answered. Answers and scores are positional, in the order of the items and scores
-- of the (immutable) instrument version: answers[i] is the response code of item i (null: not answered or
-- skipped); score_values[j] is score j of the scoring version (null: absent), score_absences[j] why
-- (null when every score has a value). Arrays rather than jsonb because a bulk import writes a million
-- of these: jsonb input costs several times more per row (measured, see scripts/benchmark-import.sh).
-- Only person and instrument version carry foreign keys: each one is a per-row check on import, and the
-- other references (team, scoring version, job, who entered it) point at rows that are never deleted
-- and are set by this module's own code, as with created_by/updated_by throughout the platform.
create table measure_response (
    id                     bigserial primary key,
    person_id              bigint not null references person(id),
    team_id                bigint not null,
    instrument_code        text not null,
    instrument_version_id  bigint not null references instrument_version(id),
    scoring_version_id     bigint,
    content_id             bigint references instrument_content(id),
    schedule_id            bigint references measure_schedule(id),
    mode                   text not null,
    status                 text not null,
    answers                smallint[] not null,
    score_values           numeric[],
    score_absences         text[],
    complete               boolean,
    started_at             timestamptz not null default now(),
    completed_at           timestamptz,
    entered_by             bigint,
    import_job_id          bigint,
    created_at             timestamptz not null default now(),
    created_by             bigint,
    updated_at             timestamptz not null default now(),
    updated_by             bigint,
    version                integer not null default 0,
    constraint measure_response_mode check (mode in ('SELF', 'STAFF_ADMINISTERED', 'IMPORTED')),
    constraint measure_response_status check (status in ('IN_PROGRESS', 'COMPLETED')),
    constraint measure_response_completed check ((status = 'COMPLETED') = (completed_at is not null and score_values is not null))
);
create index measure_response_person on measure_response (person_id, instrument_code, completed_at);
create index measure_response_team on measure_response (team_id, instrument_code, completed_at);

-- Every change of a stored score: what it was, what it became, under which rules, why and by whom.
create table measure_rescore (
    id                        bigserial primary key,
    response_id               bigint not null references measure_response(id),
    from_scoring_version_id   bigint not null references instrument_version(id),
    to_scoring_version_id     bigint not null references instrument_version(id),
    old_scores                jsonb not null,
    new_scores                jsonb not null,
    reason                    text not null,
    rescored_at               timestamptz not null default now(),
    rescored_by               bigint references account(id)
);
create index measure_rescore_response on measure_rescore (response_id);

-- A version that has been answered is never edited or deleted, only superseded.
create function instrument_version_unchanged_once_answered() returns trigger language plpgsql as $$
begin
    if exists (select 1 from measure_response where instrument_version_id = old.id) then
        if tg_op = 'DELETE' then
            raise exception 'instrument % version % has been answered and cannot be deleted', old.code, old.version;
        end if;
        if new.code <> old.code or new.version <> old.version
                or (new.definition - 'superseded') <> (old.definition - 'superseded') then
            raise exception 'instrument % version % has been answered and cannot be edited; publish a new version that supersedes it',
                old.code, old.version;
        end if;
    end if;
    return coalesce(new, old);
end
$$;
create trigger instrument_version_guard before update or delete on instrument_version
    for each row execute function instrument_version_unchanged_once_answered();

-- Completed answers are the record of what the person said: never rewritten.
create function measure_response_answers_final() returns trigger language plpgsql as $$
begin
    if old.status = 'COMPLETED' and (new.answers is distinct from old.answers or new.instrument_version_id <> old.instrument_version_id
            or new.person_id <> old.person_id or new.status <> old.status) then
        raise exception 'measure response % is completed: its answers cannot change', old.id;
    end if;
    return new;
end
$$;
create trigger measure_response_final before update on measure_response
    for each row execute function measure_response_answers_final();
