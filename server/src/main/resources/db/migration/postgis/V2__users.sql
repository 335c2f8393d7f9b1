-- Users, API tokens and browser sessions (issue #12). Secrets are stored only as hashes: passwords
-- as Argon2id PHC strings, tokens, session ids and CSRF tokens as SHA-256 hex.

CREATE TABLE users (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text COLLATE "C" NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 64),
    role           text NOT NULL CHECK (role IN ('admin', 'editor')),
    counties       jsonb NOT NULL DEFAULT '[]',
    password_hash  text NOT NULL,
    disabled       boolean NOT NULL DEFAULT false,
    created        timestamptz NOT NULL
);

CREATE TABLE api_tokens (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash     text COLLATE "C" NOT NULL UNIQUE,
    label    text,
    created  timestamptz NOT NULL,
    revoked  timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE sessions (
    hash       text COLLATE "C" PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_hash  text COLLATE "C" NOT NULL,
    created    timestamptz NOT NULL,
    expires    timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires);
