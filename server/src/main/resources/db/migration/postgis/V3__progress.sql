-- Progress of the projects (issue #12): how each is going, kept by its county's editors. The
-- plans' status says what the plan intends; these columns say what is happening. All are null
-- until an editor sets them; updated_at and updated_by are written by the server.
-- Types follow V1: text the API filters or sorts on in the "C" collation, integers as bigint,
-- numbers as double precision. Column names are the property names of Layers.PROJECTS_SPEC.

ALTER TABLE projects
    ADD COLUMN stage                        text COLLATE "C",
    ADD COLUMN start_year                   bigint,
    ADD COLUMN completion_year              bigint,
    ADD COLUMN investment_planned_yi_yuan   double precision,
    ADD COLUMN investment_completed_yi_yuan double precision,
    ADD COLUMN investment_year              bigint,
    ADD COLUMN progress_zh                  text,
    ADD COLUMN progress_en                  text,
    ADD COLUMN updated_at                   text COLLATE "C",
    ADD COLUMN updated_by                   bigint;

CREATE INDEX projects_stage ON projects (stage);
