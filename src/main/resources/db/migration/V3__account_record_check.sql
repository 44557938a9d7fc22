-- Hazard H-03: the person who signs in with a service-user account checks that the record it opens is
-- theirs before any of it is shown. Until then the account reaches no record. Links made before this
-- migration are checked at their next sign-in, like new ones.
alter table account add column person_confirmed_at timestamptz;
-- When the account holder said the record was not theirs (the link is then removed), so that the
-- administrator sees it on the account until a record is linked again.
alter table account add column person_refused_at timestamptz;
-- Sessions signed in before this migration hold the account with its record already open: end them, so that
-- the check applies now and not only at the next sign-in.
delete from spring_session where principal_name in
    (select username from account where person_id is not null and person_confirmed_at is null);
