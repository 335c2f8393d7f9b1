-- Schema version 5: the collection-level change feed (GET /api/collections/{id}/changes).
--
-- The feed lists a collection's history newest first across its features. Times are whole seconds
-- (the server's), so two changes often share one; seq numbers the entries in the order they were
-- written, which breaks the tie. Existing entries are numbered as they lie in the table, which is the
-- order they were appended in a table that is only ever appended to.

ALTER TABLE history ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX history_newest_first ON history (collection, time DESC, seq DESC);
