-- Every copy remembers accounts' session versions between requests (security.SessionVersions) and
-- forgets one when told it changed: on commit of a new session version, a disabling or enabling, or
-- a deletion, the database notifies channel account_sessions with the account's id. Here rather than
-- in the service, so a change made by any copy, or by hand, is heard by all.
create function account_sessions_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('account_sessions', old.id::text);
    return null;
end
$$;

create trigger account_sessions_changed after update of session_version, disabled_at on account
    for each row when (old.session_version is distinct from new.session_version or old.disabled_at is distinct from new.disabled_at)
    execute function account_sessions_changed();

create trigger account_deleted after delete on account
    for each row execute function account_sessions_changed();
