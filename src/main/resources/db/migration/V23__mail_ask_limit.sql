-- Issue 18: limits on the mails anyone can make us send (docs/accounts.md, "Limits on asking").
-- A subject is 'address:<SHA-256 of the address>' (mails sent to it: password resets, address
-- confirmations) or 'client:<client address>' (asks made from it, for any address). The count runs
-- over a fixed window from window_start; a row is locked (select ... for update) by the ask that
-- counts, in that ask's transaction, so simultaneous asks are counted one after the other. Rows whose
-- window has passed are deleted, so neither addresses nor client addresses are kept longer.
create table mail_ask_limit (
    subject       text primary key,
    window_start  timestamptz not null,
    asks          integer     not null
);
create index mail_ask_limit_window_idx on mail_ask_limit (window_start);
