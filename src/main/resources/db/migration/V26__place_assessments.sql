-- Place self-assessments (issue 15, "Where a place is weak"): a council or ICB scores itself 0-5 on
-- each of SCIROCCO's 12 dimensions (seed-data/vocabularies/dimensions.csv; the codes are checked by
-- the service, as they are data). Append-only: a new assessment is a new row, the history is every
-- row. Who recorded it is the signed-in account; null once that account is erased (the assessment
-- stays, its assessor shown as removed).
create table place_assessment (
    id                      bigint generated always as identity primary key,
    area_code               text not null,
    assessed_on             date not null,
    note                    text check (char_length(note) <= 2000),
    assessed_by_account_id  bigint references account (id) on delete set null,
    recorded_at             timestamptz not null default now()
);
create index place_assessment_area_idx on place_assessment (area_code, assessed_on desc, id desc);

create table place_assessment_score (
    assessment_id   bigint not null references place_assessment (id) on delete cascade,
    dimension_code  text not null,
    score           integer not null check (score between 0 and 5),
    primary key (assessment_id, dimension_code)
);
