-- Hazard H-09: wording an administrator uploads is not used until they have seen it, item by item, and made it
-- live. Each instrument version in an uploaded file waits here (PENDING), for the administrator who uploaded
-- it only, for at most a day. Making it live stores it in instrument_content (content_id) and takes the wording
-- out of this row; cancelling, or a day passing, takes the wording out too, so that nothing of it is kept
-- beyond the record that it was uploaded and what became of it. Licensed wording only: no personal data.
create table instrument_content_import (
    id                     bigserial primary key,
    upload_id              uuid not null,
    position               integer not null,
    instrument_version_id  bigint not null references instrument_version(id),
    file_name              text not null,
    file_sha256            text not null,
    source_format          text not null,
    content                jsonb,
    status                 text not null,
    expires_at             timestamptz not null,
    content_id             bigint references instrument_content(id),
    decided_at             timestamptz,
    created_at             timestamptz not null default now(),
    created_by             bigint not null,
    updated_at             timestamptz not null default now(),
    updated_by             bigint,
    version                integer not null default 0,
    constraint instrument_content_import_format check (source_format in ('REFOCUS_JSON', 'FHIR_QUESTIONNAIRE')),
    constraint instrument_content_import_status check (status in ('PENDING', 'LIVE', 'CANCELLED', 'EXPIRED')),
    constraint instrument_content_import_waiting check ((status = 'PENDING') = (content is not null)),
    constraint instrument_content_import_live check ((status = 'LIVE') = (content_id is not null)),
    constraint instrument_content_import_decided check ((status = 'PENDING') = (decided_at is null)),
    constraint instrument_content_import_sha256 check (file_sha256 ~ '^[0-9a-f]{64}$'),
    constraint instrument_content_import_position unique (upload_id, position)
);
create index instrument_content_import_waiting_for on instrument_content_import (created_by, id) where status = 'PENDING';
