-- Recovery-promoting relationships (REFOCUS component 1): programme templates, each team's programme
-- with its planned activities and sessions, the team's statement of what recovery means, staff values
-- exercises, Partnership Projects and the resource library.
--
-- Every row people edit carries who created and changed it, when, and a version for optimistic locking.
-- A team's programme copies its template's activities when it starts, so that changing a template never
-- rewrites a team's history. Budget entries and decisions are append-only (a trigger refuses changes).

-- A programme template. organisation_id null and is_default true: the shipped REFOCUS default, which
-- nobody edits; organisations copy it and adapt the copy.
create table programme_template (
    id               bigserial primary key,
    organisation_id  bigint references organisation(id),
    name             text not null check (char_length(name) between 1 and 150),
    description      text check (char_length(description) <= 2000),
    duration_months  integer not null check (duration_months between 1 and 60),
    copied_from_id   bigint references programme_template(id),
    is_default       boolean not null default false,
    created_at       timestamptz not null default now(),
    created_by       bigint,
    updated_at       timestamptz not null default now(),
    updated_by       bigint,
    version          integer not null default 0,
    check (not is_default or organisation_id is null)
);
create unique index programme_template_one_default on programme_template (is_default) where is_default;
create unique index programme_template_name on programme_template (coalesce(organisation_id, 0), lower(name));

-- component: the part of REFOCUS it belongs to (five relationship parts, three working practices).
-- kind: what counts as delivering it (a session of that kind, or a record such as an agreed statement).
create table programme_template_activity (
    id           bigserial primary key,
    template_id  bigint not null references programme_template(id),
    component    text not null check (component in ('COACHING', 'SHARED_UNDERSTANDING', 'STAFF_VALUES',
                     'PARTNERSHIP_PROJECT', 'RAISING_EXPECTATIONS', 'VALUES_AND_PREFERENCES', 'STRENGTHS',
                     'GOAL_STRIVING')),
    kind         text not null check (kind in ('COACHING_TRAINING', 'RECOVERY_WORKSHOP', 'REFLECTION_SESSION',
                     'VALUES_SESSION', 'PRACTICE_TRAINING', 'RECOVERY_STATEMENT', 'VALUES_EXERCISE',
                     'PARTNERSHIP_PROJECT', 'RESOURCE_OFFERS')),
    title        text not null check (char_length(title) between 1 and 200),
    target_count integer not null check (target_count between 1 and 1000),
    audience     text not null check (audience in ('STAFF', 'SERVICE_USERS', 'STAFF_AND_SERVICE_USERS')),
    month        integer not null check (month between 1 and 60),
    created_at   timestamptz not null default now(),
    created_by   bigint,
    updated_at   timestamptz not null default now(),
    updated_by   bigint,
    version      integer not null default 0
);
create index programme_template_activity_template on programme_template_activity (template_id, month, id);

-- One running programme per team at a time; ended ones stay as history.
create table team_programme (
    id               bigserial primary key,
    team_id          bigint not null references team(id),
    template_id      bigint references programme_template(id),
    template_name    text not null,
    duration_months  integer not null check (duration_months between 1 and 60),
    start_date       date not null,
    status           text not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    created_at       timestamptz not null default now(),
    created_by       bigint,
    updated_at       timestamptz not null default now(),
    updated_by       bigint,
    version          integer not null default 0
);
create unique index team_programme_one_active on team_programme (team_id) where status = 'ACTIVE';

create table team_programme_facilitator (
    programme_id bigint not null references team_programme(id),
    account_id   bigint not null references account(id),
    created_at   timestamptz not null default now(),
    created_by   bigint,
    primary key (programme_id, account_id)
);

-- The team's own copy of the template's activities.
create table programme_activity (
    id           bigserial primary key,
    programme_id bigint not null references team_programme(id),
    component    text not null,
    kind         text not null,
    title        text not null,
    target_count integer not null check (target_count between 1 and 1000),
    audience     text not null,
    month        integer not null check (month between 1 and 60),
    created_at   timestamptz not null default now(),
    created_by   bigint,
    updated_at   timestamptz not null default now(),
    updated_by   bigint,
    version      integer not null default 0
);
create index programme_activity_programme on programme_activity (programme_id, month, id);

-- A session planned against one of the team's activities; kind and team are copied for set-based counts.
create table programme_session (
    id                      bigserial primary key,
    programme_id            bigint not null references team_programme(id),
    activity_id             bigint not null references programme_activity(id),
    team_id                 bigint not null references team(id),
    kind                    text not null,
    title                   text not null check (char_length(title) between 1 and 200),
    planned_on              date not null,
    location                text check (char_length(location) <= 200),
    status                  text not null default 'PLANNED' check (status in ('PLANNED', 'DELIVERED', 'CANCELLED')),
    delivered_on            date,
    service_user_attendees  integer check (service_user_attendees between 0 and 500),
    materials               text check (char_length(materials) <= 2000),
    report                  text check (char_length(report) <= 5000),
    rating_engagement       integer check (rating_engagement between 1 and 5),
    rating_aims_met         integer check (rating_aims_met between 1 and 5),
    rating_readiness        integer check (rating_readiness between 1 and 5),
    report_by               bigint references account(id),
    report_at               timestamptz,
    created_at              timestamptz not null default now(),
    created_by              bigint,
    updated_at              timestamptz not null default now(),
    updated_by              bigint,
    version                 integer not null default 0,
    check (status <> 'DELIVERED' or delivered_on is not null)
);
create index programme_session_team on programme_session (team_id, status, kind);
create index programme_session_programme on programme_session (programme_id, planned_on);
create index programme_session_activity on programme_session (activity_id) where status = 'DELIVERED';

-- Staff who attended a delivered session (a row means they were there).
create table session_attendance (
    session_id  bigint not null references programme_session(id),
    account_id  bigint not null references account(id),
    created_at  timestamptz not null default now(),
    created_by  bigint,
    primary key (session_id, account_id)
);
create index session_attendance_account on session_attendance (account_id);

-- The team's statement of what recovery means to it. Each agreed version is a new row; none is edited.
create table recovery_statement (
    id          bigserial primary key,
    team_id     bigint not null references team(id),
    version_no  integer not null check (version_no >= 1),
    statement   text not null check (char_length(statement) between 1 and 5000),
    agreed_on   date not null,
    agreed_by   text not null check (char_length(agreed_by) between 1 and 500),
    created_at  timestamptz not null default now(),
    created_by  bigint,
    unique (team_id, version_no)
);

-- Staff values exercises: what the team took from it is team-level; reflections belong to their author.
create table values_exercise (
    id           bigserial primary key,
    team_id      bigint not null references team(id),
    title        text not null check (char_length(title) between 1 and 200),
    held_on      date not null,
    team_output  text check (char_length(team_output) <= 5000),
    created_at   timestamptz not null default now(),
    created_by   bigint,
    updated_at   timestamptz not null default now(),
    updated_by   bigint,
    version      integer not null default 0
);
create index values_exercise_team on values_exercise (team_id, held_on);

create table values_reflection (
    id           bigserial primary key,
    exercise_id  bigint not null references values_exercise(id),
    account_id   bigint not null references account(id),
    reflection   text not null check (char_length(reflection) between 1 and 5000),
    shared       boolean not null default false,
    created_at   timestamptz not null default now(),
    created_by   bigint,
    updated_at   timestamptz not null default now(),
    updated_by   bigint,
    version      integer not null default 0,
    unique (exercise_id, account_id)
);

-- Partnership Projects: staff and people who use the service as equal members.
create table partnership_project (
    id            bigserial primary key,
    team_id       bigint not null references team(id),
    title         text not null check (char_length(title) between 1 and 200),
    aims          text not null check (char_length(aims) between 1 and 5000),
    status        text not null default 'PLANNING' check (status in ('PLANNING', 'RUNNING', 'COMPLETED')),
    completed_on  date,
    outcome       text check (char_length(outcome) <= 5000),
    lessons       text check (char_length(lessons) <= 5000),
    created_at    timestamptz not null default now(),
    created_by    bigint,
    updated_at    timestamptz not null default now(),
    updated_by    bigint,
    version       integer not null default 0
);
create index partnership_project_team on partnership_project (team_id);

-- A member is a staff account or a person who uses the service (who sees the project once their
-- account is linked to their record). display_name is the name the project shows to its members.
create table project_member (
    id               bigserial primary key,
    project_id       bigint not null references partnership_project(id),
    account_id       bigint references account(id),
    person_id        bigint references person(id),
    display_name     text not null check (char_length(display_name) between 1 and 150),
    project_role     text not null check (project_role in ('CO_LEAD', 'MEMBER')),
    created_at       timestamptz not null default now(),
    created_by       bigint,
    check (num_nonnulls(account_id, person_id) = 1),
    unique (project_id, account_id),
    unique (project_id, person_id)
);
create index project_member_person on project_member (person_id) where person_id is not null;
create index project_member_account on project_member (account_id) where account_id is not null;

create table project_task (
    id               bigserial primary key,
    project_id       bigint not null references partnership_project(id),
    kind             text not null check (kind in ('TASK', 'MILESTONE')),
    title            text not null check (char_length(title) between 1 and 200),
    owner_member_id  bigint references project_member(id) on delete set null,
    due_on           date,
    status           text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_on          date,
    created_at       timestamptz not null default now(),
    created_by       bigint,
    updated_at       timestamptz not null default now(),
    updated_by       bigint,
    version          integer not null default 0,
    check (status <> 'DONE' or done_on is not null)
);
create index project_task_project on project_task (project_id, kind, status);

-- The budget ledger. amount_pence is positive for allocations and spending; a correction carries the
-- signed difference it makes and names the entry it corrects. Rows are never updated or deleted.
create table project_budget_entry (
    id                 bigserial primary key,
    project_id         bigint not null references partnership_project(id),
    kind               text not null check (kind in ('ALLOCATION', 'SPENDING', 'CORRECTION')),
    amount_pence       bigint not null check (amount_pence <> 0 and abs(amount_pence) <= 100000000),
    description        text not null check (char_length(description) between 1 and 500),
    entry_date         date not null,
    corrects_entry_id  bigint references project_budget_entry(id),
    recorded_by        bigint references account(id),
    recorded_by_name   text not null,
    recorded_at        timestamptz not null default now(),
    check ((kind = 'CORRECTION') = (corrects_entry_id is not null)),
    check (kind = 'CORRECTION' or amount_pence > 0)
);
create index project_budget_entry_project on project_budget_entry (project_id, id);

create table project_decision (
    id                bigserial primary key,
    project_id        bigint not null references partnership_project(id),
    decided_on        date not null,
    decision          text not null check (char_length(decision) between 1 and 2000),
    recorded_by       bigint references account(id),
    recorded_by_name  text not null,
    recorded_at       timestamptz not null default now()
);
create index project_decision_project on project_decision (project_id, decided_on);

create function programme_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never changed or deleted; record a new entry instead', tg_table_name;
end $$;
create trigger project_budget_entry_append_only before update or delete on project_budget_entry
    for each row execute function programme_refuse_change();
create trigger project_decision_append_only before update or delete on project_decision
    for each row execute function programme_refuse_change();

-- The resource library (recovery stories, leaflets, links, documents). Files live in the database so
-- nodes stay stateless; only allow-listed types are stored.
create table programme_resource (
    id            bigserial primary key,
    kind          text not null check (kind in ('RECOVERY_STORY', 'LEAFLET', 'LINK', 'DOCUMENT')),
    title         text not null check (char_length(title) between 1 and 200),
    summary       text check (char_length(summary) <= 2000),
    url           text check (char_length(url) <= 2000),
    file_name     text check (char_length(file_name) <= 200),
    content_type  text check (content_type in ('application/pdf', 'text/plain', 'image/png', 'image/jpeg')),
    size_bytes    bigint,
    active        boolean not null default true,
    created_at    timestamptz not null default now(),
    created_by    bigint,
    updated_at    timestamptz not null default now(),
    updated_by    bigint,
    version       integer not null default 0,
    check (kind <> 'LINK' or url is not null),
    check ((file_name is null) = (content_type is null))
);

create table programme_resource_file (
    resource_id  bigint primary key references programme_resource(id),
    content      bytea not null
);

-- What was offered to whom. team_id is the person's team when it was offered, for team counts.
create table resource_offer (
    id           bigserial primary key,
    resource_id  bigint not null references programme_resource(id),
    person_id    bigint not null references person(id),
    team_id      bigint not null references team(id),
    offered_on   date not null,
    note         text check (char_length(note) <= 500),
    offered_by   bigint references account(id),
    created_at   timestamptz not null default now()
);
create index resource_offer_person on resource_offer (person_id, offered_on);
create index resource_offer_team on resource_offer (team_id);

-- The shipped default: REFOCUS over 12 months (the trial's length; the manual's first edition says 18).
-- Targets are a starting point, not the manual's confirmed numbers: organisations copy and adapt them.
insert into programme_template (name, description, duration_months, is_default) values
    ('REFOCUS (default, 12 months)',
     'All five recovery-promoting relationship parts and the three working practices over 12 months. '
     || 'The session counts are a sensible starting point: the manual''s exact numbers are not confirmed. '
     || 'Copy this template to adapt it for your organisation.',
     12, true);

insert into programme_template_activity (template_id, component, kind, title, target_count, audience, month)
select t.id, a.component, a.kind, a.title, a.target_count, a.audience, a.month
from programme_template t,
     (values
        ('SHARED_UNDERSTANDING', 'RECOVERY_WORKSHOP', 'Whole-team recovery workshops', 2, 'STAFF_AND_SERVICE_USERS', 2),
        ('STAFF_VALUES', 'VALUES_SESSION', 'Exploring staff values session', 1, 'STAFF', 2),
        ('COACHING', 'COACHING_TRAINING', 'Coaching skills training', 2, 'STAFF', 3),
        ('SHARED_UNDERSTANDING', 'RECOVERY_STATEMENT', 'Agree the team''s statement of what recovery means', 1, 'STAFF', 3),
        ('PARTNERSHIP_PROJECT', 'PARTNERSHIP_PROJECT', 'Start a Partnership Project with people who use the service', 1, 'STAFF_AND_SERVICE_USERS', 3),
        ('VALUES_AND_PREFERENCES', 'PRACTICE_TRAINING', 'Working practices: understanding values and treatment preferences', 1, 'STAFF', 4),
        ('STRENGTHS', 'PRACTICE_TRAINING', 'Working practices: assessing strengths', 1, 'STAFF', 5),
        ('GOAL_STRIVING', 'PRACTICE_TRAINING', 'Working practices: supporting goal-striving', 1, 'STAFF', 6),
        ('STAFF_VALUES', 'VALUES_EXERCISE', 'Record the outputs of team values exercises', 2, 'STAFF', 6),
        ('RAISING_EXPECTATIONS', 'RESOURCE_OFFERS', 'Offer recovery stories and information to people who use the service', 30, 'SERVICE_USERS', 6),
        ('COACHING', 'REFLECTION_SESSION', 'Coaching practice reflection sessions', 3, 'STAFF', 9),
        ('SHARED_UNDERSTANDING', 'REFLECTION_SESSION', 'Recovery reflection sessions', 4, 'STAFF', 12)
     ) as a(component, kind, title, target_count, audience, month)
where t.is_default;
