-- Schema version 6.1: search text by level (index/SearchText.java). A term that matches a project's name ranks
-- above one that matches an alias, above its counties, above its summaries; the pinyin of each text is that of its
-- words, where a match must begin at a word and end at a syllable. The server writes, with each row:
--   search_text             every level, plain: a quick substring test before the regular expressions
--   search_names            the name level, plain
--   search_names_marked     the name and English name, marked (U+0001 where a match may begin, U+0002 there and
--                           where the name begins, U+0003 where one may end but not begin, U+0004 after each text)
--   search_aliases_marked   the aliases, marked alike
--   search_counties_marked  the counties (Chinese, pinyin, English), marked alike
--   search_text_marked      the summaries, marked alike (its meaning before: names excluded, as now)
-- The texts depend on the server's version of SearchText (its words and readings): search_text_version records the
-- version the rows were made by, and a server that finds another one makes them anew when it opens the store.

ALTER TABLE projects ADD COLUMN search_aliases_marked text NOT NULL DEFAULT '';
ALTER TABLE projects ADD COLUMN search_counties_marked text NOT NULL DEFAULT '';

CREATE TABLE search_text_version (
    layer    text COLLATE "C" PRIMARY KEY,
    version  text NOT NULL
);

-- Making the search texts anew is no edit of the features: inside the transaction that does it, the server sets
-- atlas.search_refresh, and their versions (and so their ETags) stay.
CREATE OR REPLACE FUNCTION advance_feature_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.atlas_version = OLD.atlas_version
            AND coalesce(current_setting('atlas.search_refresh', true), '') <> 'on' THEN
        NEW.atlas_version := OLD.atlas_version + 1;
    END IF;
    RETURN NEW;
END
$$;
