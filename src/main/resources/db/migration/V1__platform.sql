-- Platform foundation: organisation structure, accounts, people on caseloads, audit, sessions.
-- Every row that people edit carries who created and changed it, when, and a version for optimistic locking.

create table organisation (
    id          bigserial primary key,
    name        text not null unique,
    code        text,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0
);

create table site (
    id              bigserial primary key,
    organisation_id bigint not null references organisation(id),
    name            text not null,
    created_at      timestamptz not null default now(),
    created_by      bigint,
    updated_at      timestamptz not null default now(),
    updated_by      bigint,
    version         integer not null default 0,
    unique (organisation_id, name)
);

create table team (
    id          bigserial primary key,
    site_id     bigint not null references site(id),
    name        text not null,
    description text,
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    created_by  bigint,
    updated_at  timestamptz not null default now(),
    updated_by  bigint,
    version     integer not null default 0,
    unique (site_id, name)
);

create table person (
    id                  bigserial primary key,
    given_name          text not null,
    family_name         text not null,
    preferred_name      text,
    date_of_birth       date,
    nhs_number          text unique,
    team_id             bigint not null references team(id),
    care_coordinator_id bigint,
    active              boolean not null default true,
    created_at          timestamptz not null default now(),
    created_by          bigint,
    updated_at          timestamptz not null default now(),
    updated_by          bigint,
    version             integer not null default 0
);
create index person_team_name on person (team_id, family_name, given_name, id);
create index person_coordinator_name on person (care_coordinator_id, family_name, given_name, id);

create table account (
    id                     bigserial primary key,
    username               text not null unique,
    display_name           text not null,
    email                  text,
    role                   text not null,
    status                 text not null,
    password_hash          text,
    invitation_token_hash  text unique,
    invitation_expires_at  timestamptz,
    person_id              bigint unique references person(id),
    created_at             timestamptz not null default now(),
    created_by             bigint,
    updated_at             timestamptz not null default now(),
    updated_by             bigint,
    version                integer not null default 0,
    constraint account_role check (role in ('ADMIN','TEAM_LEADER','PRACTITIONER','TRAINER','RESEARCHER','STATISTICIAN','SERVICE_USER')),
    constraint account_status check (status in ('INVITED','ACTIVE','DEACTIVATED'))
);

alter table person add constraint person_care_coordinator foreign key (care_coordinator_id) references account(id);

create table team_membership (
    account_id  bigint not null references account(id),
    team_id     bigint not null references team(id),
    created_at  timestamptz not null default now(),
    created_by  bigint,
    primary key (account_id, team_id)
);
create index team_membership_team on team_membership (team_id);

create table sign_in_failure (
    id          bigserial primary key,
    username    text not null,
    address     text not null,
    at          timestamptz not null default now()
);
create index sign_in_failure_username on sign_in_failure (username, at);
create index sign_in_failure_address on sign_in_failure (address, at);

create table audit_entry (
    id              bigserial primary key,
    at              timestamptz not null default now(),
    actor_id        bigint,
    actor_username  text,
    action          text not null,
    outcome         text not null,
    record_type     text not null,
    record_id       text,
    person_id       bigint,
    client_address  text,
    detail          text
);
create index audit_entry_at on audit_entry (at);
create index audit_entry_person on audit_entry (person_id, at);
create index audit_entry_actor on audit_entry (actor_id, at);
create index audit_entry_action on audit_entry (action, at);

-- Spring Session JDBC (PostgreSQL schema shipped with spring-session-jdbc 4.0)
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session(primary_id) on delete cascade
);
