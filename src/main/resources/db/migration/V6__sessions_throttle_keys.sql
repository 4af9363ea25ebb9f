-- Issue 12: revocable tokens, sign-in delays that cannot be turned into a lockout, signing keys
-- encrypted at rest and rotated.

-- Every token carries its account's session version; bumping it (role or password change, disable,
-- "sign out everywhere") makes every earlier token useless at once. A disabled account cannot sign in.
alter table account add column session_version integer not null default 0;
alter table account add column disabled_at timestamptz;

-- Sign-in attempts with a progressive delay, per (account, client address) and per client address.
-- Each attempt is counted before the password is checked, in the same row-locked statement that
-- decides whether it may go ahead, so parallel guesses cannot slip past the count. A subject is
-- 'pair:<username>@<address>' or 'address:<address>'. Rows quiet for longer than the window are
-- deleted, so usernames and addresses tried are not kept longer than the delay needs them.
drop table login_failure;
create table login_throttle (
    subject          text primary key,
    attempts         integer     not null,
    last_attempt_at  timestamptz not null,
    next_allowed_at  timestamptz not null
);
create index login_throttle_last_attempt_idx on login_throttle (last_attempt_at);

-- Several signing keys for rotation: a key signs from signs_from; a rotated-out key gets retired_at
-- and still verifies the tokens it signed until they expire. private_key is encrypted with the
-- deployment's key-encryption key ('aesgcm:' prefix); a plain row from before is encrypted at start.
alter table signing_key add column signs_from timestamptz;
alter table signing_key add column retired_at timestamptz;
update signing_key set signs_from = created_at;
alter table signing_key alter column signs_from set not null;
