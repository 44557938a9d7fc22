-- Publishing a corrected instrument version (hazard H-08), continued.

-- Wording carried over at start-up from the version before, when the new version asks the same questions
-- with the same answers: the wording it was copied from.
alter table instrument_content add column carried_from_id bigint references instrument_content(id);
