-- Schema version 7.1: the places (V6) get the search levels that V6_1 gave the projects, so that every searchable
-- layer's rows keep the same search columns (store/postgis/LayerTable.java); the server fills them when it opens
-- the store, as search_text_version has no row for places yet.

ALTER TABLE places ADD COLUMN search_aliases_marked text NOT NULL DEFAULT '';
ALTER TABLE places ADD COLUMN search_counties_marked text NOT NULL DEFAULT '';
