-- Signing out ends the one token signed out with (the web pages' session, or an API client's token),
-- where "sign out everywhere" ends every token of the account (account.session_version). A row lives
-- until its token would have expired anyway. Its insertion notifies channel account_sessions like a
-- session change (V32), so every copy reads the account's sessions afresh.
create table signed_out_token (
    token_id   text primary key,
    account_id bigint not null references account (id) on delete cascade,
    expires_at timestamptz not null
);

create index signed_out_token_account on signed_out_token (account_id, expires_at);

create function signed_out_token_added() returns trigger language plpgsql as $$
begin
    perform pg_notify('account_sessions', new.account_id::text);
    return null;
end
$$;

create trigger signed_out_token_added after insert on signed_out_token
    for each row execute function signed_out_token_added();
