-- Working practices (REFOCUS component 2): values and treatment preferences, strengths assessments,
-- recovery goals with coaching conversations, steps and reviews, and contacts.
--
-- Every row people edit carries who created and changed it, when, and a version for optimistic locking.
-- Nothing is deleted: removed items are marked removed, and every version of every item is kept in
-- recovery_revision, so that nothing a person wrote is rewritten without a visible history.
-- Free-text limits are stated to the user on each form and checked here as well.

-- Reference data: the life domains of a strengths assessment (Strengths Model style). Administrators
-- can rename, reorder, add and retire domains; a retired domain stays on earlier assessments.
create table recovery_life_domain (
    id          bigserial primary key,
    code        text unique,
    name        text not null unique check (char_length(name) between 1 and 100),
    prompt      text check (char_length(prompt) <= 300),
    position    integer not null,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);

insert into recovery_life_domain (code, name, prompt, position) values
    ('DAILY_LIVING', 'Daily living', 'Home, getting about, looking after yourself and your home', 1),
    ('FINANCES', 'Finances', 'Money, benefits and paying for things', 2),
    ('WORK_EDUCATION', 'Work and education', 'Paid or voluntary work, learning and training', 3),
    ('RELATIONSHIPS', 'Relationships and social support', 'Family, friends, neighbours and people who support you', 4),
    ('HEALTH', 'Health', 'Physical and mental health, sleep, food and exercise', 5),
    ('LEISURE', 'Leisure', 'Hobbies, interests and things you enjoy', 6),
    ('SPIRITUALITY_CULTURE', 'Spirituality and culture', 'Faith, beliefs, culture and community', 7);

-- What matters most to the person, in their own words, ordered by importance (1 = most important).
create table recovery_value (
    id          bigserial primary key,
    person_id   bigint not null references person(id),
    words       text not null check (char_length(words) between 1 and 500),
    importance  integer not null,
    removed     boolean not null default false,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);
create index recovery_value_person on recovery_value (person_id, importance);

-- Treatment and care preferences by area, each in the person's voice or as a staff note.
create table recovery_preference (
    id          bigserial primary key,
    person_id   bigint not null references person(id),
    area        text not null check (area in ('MEDICATION', 'THERAPIES', 'INVOLVE', 'COMMUNICATION',
                                               'CRISIS_HELPS', 'CRISIS_UNHELPFUL')),
    words       text not null check (char_length(words) between 1 and 2000),
    voice       text not null check (voice in ('PERSON', 'STAFF')),
    removed     boolean not null default false,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);
create index recovery_preference_person on recovery_preference (person_id, area, id);

-- Who to contact in a crisis, from the person's own plan (shown one tap away on their pages).
create table recovery_crisis_contact (
    id              bigserial primary key,
    person_id       bigint not null references person(id),
    name            text not null check (char_length(name) between 1 and 150),
    relationship    text check (char_length(relationship) <= 150),
    phone           text check (char_length(phone) <= 40),
    when_to_contact text check (char_length(when_to_contact) <= 500),
    removed         boolean not null default false,
    created_at      timestamptz not null default now(),
    created_by      bigint,
    updated_at      timestamptz not null default now(),
    updated_by      bigint,
    version         integer not null default 0
);
create index recovery_crisis_contact_person on recovery_crisis_contact (person_id, id);

-- Whether the crisis section is the person's advance statement of their wishes, and when they made it.
create table recovery_crisis_plan (
    id                  bigserial primary key,
    person_id           bigint not null unique references person(id),
    advance_statement   boolean not null default false,
    made_on             date,
    anything_else       text check (char_length(anything_else) <= 2000),
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0
);

-- A strengths assessment; a reassessment is a new row, so earlier assessments are kept.
create table recovery_strengths_assessment (
    id              bigserial primary key,
    person_id       bigint not null references person(id),
    assessed_on     date not null,
    agreed_summary  text check (char_length(agreed_summary) <= 4000),
    created_at      timestamptz not null default now(),
    created_by      bigint,
    updated_at      timestamptz not null default now(),
    updated_by      bigint,
    version         integer not null default 0
);
create index recovery_strengths_assessment_person on recovery_strengths_assessment (person_id, assessed_on desc, id desc);

-- One life domain of an assessment: what is happening now, what the person wants, and the personal,
-- social and community resources they have used before.
create table recovery_strength_entry (
    id                  bigserial primary key,
    assessment_id       bigint not null references recovery_strengths_assessment(id),
    person_id           bigint not null references person(id),
    domain_id           bigint not null references recovery_life_domain(id),
    current_status      text check (char_length(current_status) <= 2000),
    wants               text check (char_length(wants) <= 2000),
    personal_resources  text check (char_length(personal_resources) <= 2000),
    social_resources    text check (char_length(social_resources) <= 2000),
    community_resources text check (char_length(community_resources) <= 2000),
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0,
    unique (assessment_id, domain_id)
);
create index recovery_strength_entry_person on recovery_strength_entry (person_id);

-- A recovery goal in the person's words (not a clinical treatment goal), with the expected outcome
-- agreed at goal-setting (Goal Attainment Scaling level 0), an optional weight, CHIME processes, and
-- the values and life domains it draws on (arrays, so that each version keeps its links).
create table recovery_goal (
    id                  bigserial primary key,
    person_id           bigint not null references person(id),
    words               text not null check (char_length(words) between 1 and 1000),
    expected_outcome    text check (char_length(expected_outcome) <= 1000),
    target_date         date,
    weight              numeric(5, 2) check (weight > 0 and weight <= 100),
    status              text not null default 'ACTIVE' check (status in ('ACTIVE', 'ACHIEVED', 'PAUSED', 'LET_GO')),
    status_reason       text check (char_length(status_reason) <= 1000),
    chime               text[] not null default '{}'
                        check (chime <@ array['CONNECTEDNESS', 'HOPE', 'IDENTITY', 'MEANING', 'EMPOWERMENT']),
    value_ids           bigint[] not null default '{}',
    domain_ids          bigint[] not null default '{}',
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0
);
create index recovery_goal_person on recovery_goal (person_id, id);
create index recovery_goal_active on recovery_goal (person_id) where status = 'ACTIVE';

-- A coaching conversation about one goal, in GROW form.
create table recovery_conversation (
    id          bigserial primary key,
    person_id   bigint not null references person(id),
    goal_id     bigint not null references recovery_goal(id),
    held_on     date not null,
    goal_part   text check (char_length(goal_part) <= 4000),
    reality     text check (char_length(reality) <= 4000),
    options     text check (char_length(options) <= 4000),
    way_forward text check (char_length(way_forward) <= 4000),
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);
create index recovery_conversation_goal on recovery_conversation (goal_id, held_on desc);
create index recovery_conversation_person on recovery_conversation (person_id);

-- An action step towards a goal: what, who (the person, a named member of staff, someone else), by when.
create table recovery_step (
    id                  bigserial primary key,
    person_id           bigint not null references person(id),
    goal_id             bigint not null references recovery_goal(id),
    what                text not null check (char_length(what) between 1 and 500),
    owner_kind          text not null check (owner_kind in ('PERSON', 'STAFF', 'SOMEONE_ELSE')),
    owner_account_id    bigint references account(id),
    owner_name          text check (char_length(owner_name) <= 150),
    due_on              date,
    done                boolean not null default false,
    done_on             date,
    removed             boolean not null default false,
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0,
    constraint recovery_step_owner check (
        (owner_kind = 'STAFF' and owner_account_id is not null)
        or (owner_kind = 'SOMEONE_ELSE' and owner_name is not null)
        or owner_kind = 'PERSON')
);
create index recovery_step_goal on recovery_step (goal_id, id);
create index recovery_step_person on recovery_step (person_id);

-- A review: Goal Attainment Scaling ratings (−2..+2, with weights) for the goals reviewed that day.
create table recovery_review (
    id          bigserial primary key,
    person_id   bigint not null references person(id),
    reviewed_on date not null,
    notes       text check (char_length(notes) <= 4000),
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);
create index recovery_review_person on recovery_review (person_id, reviewed_on desc, id desc);

create table recovery_goal_rating (
    id          bigserial primary key,
    review_id   bigint not null references recovery_review(id),
    person_id   bigint not null references person(id),
    goal_id     bigint not null references recovery_goal(id),
    attainment  smallint not null check (attainment between -2 and 2),
    weight      numeric(5, 2) not null default 1 check (weight > 0 and weight <= 100),
    comment     text check (char_length(comment) <= 1000),
    unique (review_id, goal_id)
);
create index recovery_goal_rating_goal on recovery_goal_rating (goal_id, review_id);

-- A contact with the person, and which working practices it used. Team participation and fidelity
-- are computed from these rows, so the practices are codes, not free text.
create table recovery_contact (
    id                  bigserial primary key,
    person_id           bigint not null references person(id),
    contact_on          date not null,
    kind                text not null check (kind in ('FACE_TO_FACE', 'HOME_VISIT', 'PHONE', 'VIDEO', 'GROUP', 'OTHER')),
    duration_minutes    integer check (duration_minutes between 1 and 720),
    with_the_person     boolean not null default true,
    staff_ids           bigint[] not null default '{}',
    others_present      text check (char_length(others_present) <= 500),
    practices           text[] not null default '{}'
                        check (practices <@ array['VALUES', 'STRENGTHS', 'GOAL_STRIVING', 'COACHING']),
    notes               text check (char_length(notes) <= 4000),
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0
);
create index recovery_contact_person on recovery_contact (person_id, contact_on desc, id desc);

-- Every version of every item above: what it said after each change, who changed it and when, and
-- whether that was the person themselves. The history pages compare consecutive versions.
create table recovery_revision (
    id              bigserial primary key,
    person_id       bigint not null references person(id),
    record_type     text not null,
    record_id       bigint not null,
    record_version  integer not null,
    change          text not null check (change in ('CREATED', 'CHANGED', 'REMOVED')),
    changed_at      timestamptz not null default now(),
    changed_by      bigint,
    by_the_person   boolean not null,
    content         jsonb not null
);
create index recovery_revision_person on recovery_revision (person_id, id desc);
create index recovery_revision_record on recovery_revision (record_type, record_id, id);

-- When each account last looked at a person's plan, for "changed since you last looked".
create table recovery_plan_seen (
    person_id   bigint not null references person(id),
    account_id  bigint not null references account(id),
    seen_at     timestamptz not null,
    primary key (person_id, account_id)
);
