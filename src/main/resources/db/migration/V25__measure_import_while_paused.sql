-- How many of an import's responses were completed on or after the day their person paused
-- questionnaires (hazard H-13), and the first of their row numbers, so that the importer is told to
-- check that the person agreed. A notice, not a problem: answers given on paper are still the person's.
alter table measure_import_job add column rows_while_paused integer not null default 0;
alter table measure_import_job add column rows_while_paused_listed integer[] not null default '{}';
