-- Ending a team's programme: the day it ended and an optional note. An ended programme keeps its plan,
-- sessions and records; its timeline is read as of the day it ended, and the team may then start a new
-- one (V30's team_programme_one_active allows one ACTIVE programme per team).
--
-- Depends only on V30. Nothing before this migration ended a programme, but a row marked ENDED by hand
-- gets the day it was last changed (never before its start), so the checks below hold on any database.
alter table team_programme
    add column ended_on date,
    add column end_note text check (char_length(end_note) <= 1000);

update team_programme set ended_on = greatest(start_date, updated_at::date)
where status = 'ENDED' and ended_on is null;

alter table team_programme
    add constraint team_programme_ended_on check ((status = 'ENDED') = (ended_on is not null)),
    add constraint team_programme_ends_after_start check (ended_on is null or ended_on >= start_date);

create index team_programme_team_start on team_programme (team_id, start_date desc, id desc);
