package org.joinedup.shortlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.platform.ExpectedVersion;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.TransactionLocks;
import org.joinedup.platform.Violation;
import org.joinedup.security.Account;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;
import org.joinedup.security.SignedInAccount;
import org.joinedup.security.SignedInAccount.Identity;
import org.joinedup.shortlist.ShortlistEntryView.ShortlistLeader;

/**
 * Shortlists and their entries, for commissioners and programme staff. Who may see a list is
 * {@link Shortlist}'s one rule; someone else's list is "not found", never "forbidden", so its
 * existence is not given away. Leaders hidden from the caller are never added and never shown.
 */
@ApplicationScoped
@Transactional
public class ShortlistService {

    private static final Logger LOG = Logger.getLogger(ShortlistService.class);

    public static final int MAX_NAME = 100;
    public static final int MAX_NOTE = 2000;
    /** Shortlists one account may own. */
    public static final int MAX_SHORTLISTS = 50;
    /** Leaders on one shortlist (a GET gives them all, so this bounds its size too). */
    public static final int MAX_ENTRIES = 200;
    /** The key space of the advisory lock that makes one account's creations take turns (the cap holds under races). */
    private static final int CREATE_LOCK = 0x53484c; // "SHL"

    /** The entry and whether this call put the leader on the list (false: they were on it already). */
    public record Put(ShortlistEntryView entry, boolean created) {
    }

    @Inject
    CurrentUser user;

    @Inject
    SignedInAccount accounts;

    @Inject
    LeaderService leaders;

    @Inject
    AuditTrail audit;

    public ShortlistView create(ShortlistInput input) {
        var me = caller();
        var name = name(input == null ? null : input.name());
        lockCreationsOf(me);
        if (Shortlist.countOwnedBy(me.id()) >= MAX_SHORTLISTS) {
            throw ProblemException.conflict("this account has " + MAX_SHORTLISTS + " shortlists, the most one account may keep; delete one first");
        }
        var list = new Shortlist();
        list.name = name;
        list.ownerAccountId = me.id();
        list.organisationCode = me.organisationCode();
        list.createdAt = Instant.now();
        list.updatedAt = list.createdAt;
        list.persist();
        list.flush();
        var view = view(list, me);
        audit.record("create", "shortlist", list.id, null, Audited.of(view));
        LOG.infof("%s made shortlist %d", me.username(), list.id);
        return view;
    }

    /** The lists the caller may see (their own first), with how many leaders on each the caller may see. */
    @Transactional(TxType.SUPPORTS)
    public Page<ShortlistSummary> list(PageRequest paging) {
        var me = caller();
        var query = Shortlist.allSharedWith(me).page(paging.page(), paging.size());
        List<Shortlist> lists = query.list();
        var entries = ShortlistEntry.ofAny(lists.stream().map(l -> l.id).toList());
        var visible = visibleLeaders(entries.stream().map(e -> e.leaderId).toList());
        Map<Long, Long> counts = entries.stream().filter(e -> visible.containsKey(e.leaderId))
                .collect(Collectors.groupingBy(e -> e.shortlistId, Collectors.counting()));
        var owners = new HashMap<Long, Account>();
        var items = lists.stream().map(l -> {
            var owner = owners.computeIfAbsent(l.ownerAccountId, id -> Account.<Account>findById(id));
            return new ShortlistSummary(l.id, l.version, l.name, owner.username, nameOf(owner), l.ownedBy(me), l.organisationCode,
                    counts.getOrDefault(l.id, 0L).intValue(), l.createdAt, l.updatedAt);
        }).toList();
        return Page.of(items, paging, query.count());
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<ShortlistView> find(long id) {
        var me = caller();
        return Shortlist.sharedWith(id, me).map(list -> view(list, me));
    }

    /** Renames the list: its owner only (a colleague gets 403); empty when the caller may not see it. */
    public Optional<ShortlistView> rename(long id, ShortlistInput input, ExpectedVersion expected) {
        var me = caller();
        var found = Shortlist.sharedWith(id, me);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var list = found.get();
        requireOwner(list, me, "renames");
        var name = name(input.name());
        expected.check("Shortlist", id, list.version);
        if (name.equals(list.name)) {
            return Optional.of(view(list, me));
        }
        var before = Audited.of(view(list, me));
        list.name = name;
        list.updatedAt = Instant.now();
        list.flush();
        var after = view(list, me);
        audit.record("rename", "shortlist", id, before, Audited.of(after));
        return Optional.of(after);
    }

    /** Deletes the list with its entries: its owner only; false when the caller may not see it. */
    public boolean delete(long id, ExpectedVersion expected) {
        var me = caller();
        var found = Shortlist.sharedWith(id, me);
        if (found.isEmpty()) {
            return false;
        }
        var list = found.get();
        requireOwner(list, me, "deletes");
        expected.check("Shortlist", id, list.version);
        // the entries go by the cascade; the trail keeps what the list was, not the notes on people
        audit.record("delete", "shortlist", id, Audited.of(view(list, me)), null);
        list.delete();
        LOG.infof("%s deleted shortlist %d", me.username(), id);
        return true;
    }

    /**
     * Puts a leader on the list, or changes their note; the owner and colleagues alike. With
     * {@code replaceNote} false a blank note keeps the note there is (the profile page's quick add).
     * The list's row is locked first, so identical concurrent calls make one entry and the cap holds.
     */
    public Put putLeader(long id, long leaderId, String note, boolean replaceNote) {
        var me = caller();
        var list = Shortlist.sharedWithForUpdate(id, me).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
        requireVisible(leaderId);
        var text = note(note);
        var existing = ShortlistEntry.of(id, leaderId);
        if (existing.isPresent()) {
            var entry = existing.get();
            if (text == null && !replaceNote || Objects.equals(text, entry.note)) {
                return new Put(entryView(entry, Map.of()), false);
            }
            var before = new AuditedEntry(id, leaderId, entry.note);
            entry.note = text;
            entry.updatedAt = Instant.now();
            touch(list);
            audit.record("note", AUDITED_ENTRY, leaderId, before, new AuditedEntry(id, leaderId, text));
            return new Put(entryView(entry, Map.of()), false);
        }
        if (ShortlistEntry.countOn(id) >= MAX_ENTRIES) {
            throw ProblemException.conflict("this shortlist has " + MAX_ENTRIES + " leaders, the most one list may hold; take one off first");
        }
        ShortlistEntry.getEntityManager().createNativeQuery("""
                insert into shortlist_entry (shortlist_id, leader_id, note, added_by_account_id) values (:list, :leader, :note, :by)
                on conflict (shortlist_id, leader_id) do nothing""")
                .setParameter("list", id).setParameter("leader", leaderId).setParameter("note", text).setParameter("by", me.id())
                .executeUpdate();
        var entry = ShortlistEntry.of(id, leaderId).orElseThrow();
        touch(list);
        audit.record("add", AUDITED_ENTRY, leaderId, null, new AuditedEntry(id, leaderId, text));
        return new Put(entryView(entry, Map.of()), true);
    }

    /** Takes a leader off the list; the owner and colleagues alike. */
    public void removeLeader(long id, long leaderId) {
        var me = caller();
        var list = Shortlist.sharedWithForUpdate(id, me).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
        requireVisible(leaderId);
        var entry = ShortlistEntry.of(id, leaderId)
                .orElseThrow(() -> ProblemException.notFound("Leader " + leaderId + " on shortlist", id));
        audit.record("remove", AUDITED_ENTRY, leaderId, new AuditedEntry(id, leaderId, entry.note), null);
        entry.delete();
        touch(list);
    }

    /**
     * The leaders of a list that the caller may see, in the order they were added: for exports. 404
     * (a ProblemException) when the caller may not see the list, as for every other operation.
     */
    @Transactional(TxType.SUPPORTS)
    public List<Long> leaderIds(long id) {
        var me = caller();
        Shortlist.sharedWith(id, me).orElseThrow(() -> ProblemException.notFound("Shortlist", id));
        var entries = ShortlistEntry.of(id);
        var visible = visibleLeaders(entries.stream().map(e -> e.leaderId).toList());
        return entries.stream().map(e -> e.leaderId).filter(visible::containsKey).toList();
    }

    /**
     * The audit trail's name for a leader's place on a list: its entries are filed under the leader's
     * id (the list is in the body), so erasing the leader finds every one, also of entries gone since.
     */
    static final String AUDITED_ENTRY = "shortlisted-leader";

    /** Whether the caller works with shortlists at all (for the pages, which offer them only then); no transaction, any thread. */
    @Transactional(TxType.SUPPORTS)
    public boolean offered() {
        return user.signedIn() && (user.has(Roles.COMMISSIONER) || user.has(Roles.PROGRAMME));
    }

    /** What the audit trail keeps of a list: never its entries' notes. */
    record Audited(String name, String owner, String organisationCode, int leaders) {
        static Audited of(ShortlistView view) {
            return new Audited(view.name(), view.owner(), view.organisationCode(), view.entries().size());
        }
    }

    /** What the audit trail keeps of an entry; redacted when the leader is erased (ShortlistErasure). */
    record AuditedEntry(long shortlistId, long leaderId, String note) {
    }

    private Identity caller() {
        if (!offered()) {
            throw ProblemException.forbidden("shortlists are for commissioners and programme staff");
        }
        return accounts.current().orElseThrow(() -> ProblemException.forbidden("shortlists belong to an account; sign in with one"));
    }

    private static void requireOwner(Shortlist list, Identity me, String what) {
        if (!list.ownedBy(me)) {
            throw ProblemException.forbidden("only the shortlist's owner " + what + " it; colleagues may add and remove leaders and edit notes");
        }
    }

    /** A hidden leader answers exactly as a missing one (see HiddenLeaderTest). */
    private void requireVisible(long leaderId) {
        if (!leaders.visibleToCaller(leaderId)) {
            throw ProblemException.notFound("Leader", leaderId);
        }
    }

    /** One account's creations take turns for the rest of the transaction, so two at once cannot both pass the cap. */
    private static void lockCreationsOf(Identity me) {
        TransactionLocks.hold(Shortlist.getEntityManager(), CREATE_LOCK, (int) me.id());
    }

    /** Any change to the entries shows as the list's updatedAt, without moving its version (the rename's ETag). */
    private static void touch(Shortlist list) {
        Shortlist.getEntityManager().createNativeQuery("update shortlist set updated_at = now() where id = :id")
                .setParameter("id", list.id).executeUpdate();
    }

    private static String name(String name) {
        var text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            throw ProblemException.invalid(Violation.body("name", "must not be blank"));
        }
        if (text.length() > MAX_NAME) {
            throw ProblemException.invalid(Violation.body("name", "must be at most " + MAX_NAME + " characters"));
        }
        return text;
    }

    private static String note(String note) {
        var text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw ProblemException.invalid(Violation.body("note", "must be at most " + MAX_NOTE + " characters"));
        }
        return text.isEmpty() ? null : text;
    }

    /** The given leaders the caller may see, by id, as the profile rule says (CurrentUser#maySee). */
    private Map<Long, LeaderView> visibleLeaders(Collection<Long> ids) {
        return leaders.states(ids.stream().distinct().toList()).stream().map(s -> s.leader())
                .filter(l -> user.maySee(l.id(), l.visibility())).collect(Collectors.toMap(LeaderView::id, l -> l));
    }

    private ShortlistView view(Shortlist list, Identity me) {
        var entries = ShortlistEntry.of(list.id);
        var visible = visibleLeaders(entries.stream().map(e -> e.leaderId).toList());
        var items = entries.stream().filter(e -> visible.containsKey(e.leaderId)).map(e -> entryView(e, visible)).toList();
        Account owner = Account.findById(list.ownerAccountId);
        return new ShortlistView(list.id, list.version, list.name, owner.username, nameOf(owner), list.ownedBy(me), list.organisationCode,
                list.createdAt, list.updatedAt, items);
    }

    /** The entry with its leader, from {@code known} when there, else read (the caller may see them: checked before). */
    private ShortlistEntryView entryView(ShortlistEntry entry, Map<Long, LeaderView> known) {
        var leader = known.containsKey(entry.leaderId) ? known.get(entry.leaderId) : leaders.find(entry.leaderId).orElseThrow();
        Account addedBy = entry.addedByAccountId == null ? null : Account.findById(entry.addedByAccountId);
        return new ShortlistEntryView(new ShortlistLeader(leader.id(), leader.name(), leader.currentRole(), leader.organisation(), leader.homeArea()),
                entry.note, addedBy == null ? null : nameOf(addedBy), entry.addedAt, entry.updatedAt);
    }

    private static String nameOf(Account account) {
        return account.fullName == null || account.fullName.isBlank() ? account.username : account.fullName.strip();
    }
}
