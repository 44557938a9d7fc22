-- An earlier release let a double click (or a second assignment by mistake) give a person the same
-- questionnaire twice; completing it moved one schedule on and left the other due for ever. Assigning now
-- refuses a second one. Here, for each person and questionnaire with more than one active schedule, the one
-- a response counts towards (due soonest) is kept and the others are stopped, each with an audit entry.
-- Nothing is deleted; responses already given stay with their schedule.
with active as (
    select id, person_id,
           first_value(id) over (partition by person_id, instrument_code order by next_due_on, id) as kept
    from measure_schedule
    where status = 'ACTIVE'
), stopped as (
    update measure_schedule s
    set status = 'STOPPED', next_due_on = null, updated_at = now(), version = s.version + 1
    from active a
    where s.id = a.id and a.id <> a.kept
    returning s.id, s.person_id, a.kept
)
insert into audit_entry (actor_username, action, outcome, record_type, record_id, person_id, detail)
select 'system', 'CHANGED', 'ALLOWED', 'measure_schedule', stopped.id::text, stopped.person_id,
       'stopped: the same questionnaire was already assigned as schedule ' || stopped.kept || ' (migration V28)'
from stopped;
