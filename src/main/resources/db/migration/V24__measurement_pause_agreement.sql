-- Staff's word that a person who has paused questionnaires agreed to answer one (hazard H-13), kept as
-- a record beside the audit entry, so that a response begun before the pause, and continued by staff
-- after it, asks for that word once rather than never.
create table measurement_pause_agreement (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references person(id),
    record_type  text not null,
    record_id    bigint not null,
    agreed_at    timestamptz not null default now(),
    agreed_by    bigint not null references account(id),
    constraint measurement_pause_agreement_record check (record_type in ('measure_response', 'measure_schedule'))
);
create index measurement_pause_agreement_record on measurement_pause_agreement (record_type, record_id, agreed_at);
