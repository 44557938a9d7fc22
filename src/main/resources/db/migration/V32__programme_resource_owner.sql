-- Every resource in the library belongs to one organisation. Only staff and trainers of that
-- organisation's teams see it, change it, retire it and bring it back, and it is offered only to people
-- in that organisation's teams; to everyone else it does not exist.
--
-- Depends only on V1 (organisation, site, team, team_membership) and V30 (programme_resource,
-- resource_offer), so it runs the same on a new database and on one that already has later migrations.
alter table programme_resource add column organisation_id bigint references organisation(id);

-- Existing resources get an owner, in this order:
--  1. the organisation of the teams of the account that created it (created_by), when all of that
--     account's teams are in one organisation: the person who added it chose it for their own teams;
--  2. otherwise (the creator is unknown, has no team now, or works in teams of several organisations)
--     the organisation of the teams of the people it was offered to, when they are all in one
--     organisation: that is where it has been used, so those people's staff keep it;
--  3. otherwise the organisation with the lowest id: on an installation with one organisation (every
--     installation so far) that is the right one, and on one with several it is a deterministic choice
--     that the first organisation's staff can see and an administrator can correct in the database.
-- A database with resources but no organisation at all cannot be given an owner: the NOT NULL below
-- then stops the migration, rather than inventing an organisation.
update programme_resource r set organisation_id = c.organisation_id
from (select r2.id, min(s.organisation_id) as organisation_id
      from programme_resource r2
      join team_membership m on m.account_id = r2.created_by
      join team t on t.id = m.team_id
      join site s on s.id = t.site_id
      group by r2.id
      having count(distinct s.organisation_id) = 1) c
where c.id = r.id;

update programme_resource r set organisation_id = o.organisation_id
from (select f.resource_id, min(s.organisation_id) as organisation_id
      from resource_offer f
      join team t on t.id = f.team_id
      join site s on s.id = t.site_id
      group by f.resource_id
      having count(distinct s.organisation_id) = 1) o
where o.resource_id = r.id and r.organisation_id is null;

update programme_resource set organisation_id = (select min(id) from organisation)
where organisation_id is null;

alter table programme_resource alter column organisation_id set not null;

create index programme_resource_organisation on programme_resource (organisation_id, active);
