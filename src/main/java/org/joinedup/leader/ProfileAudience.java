package org.joinedup.leader;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Who is looking at a leader they may see, and so which of the leader's guarded fields they get:
 * the one rule for profiles, search hits (and what free text may match), matches, exports and
 * pages. Every other field (name, role, organisation, home area, mentoring offer, visibility) is
 * seen by everyone the leader is visible to; whether they are visible at all is the leader's
 * {@link Visibility}.
 */
public enum ProfileAudience {

    /** Anyone without an account. */
    PUBLIC(EnumSet.noneOf(Field.class)),
    /** Any signed-in account looking at someone else: leaders, commissioners. */
    REGISTERED(EnumSet.of(Field.DOING_NOW)),
    /** Programme staff, who match people and so need their conflicts and why a mentor is paused. */
    STAFF(EnumSet.of(Field.DOING_NOW, Field.CONFLICTS, Field.PAUSE_REASON)),
    /**
     * A delegate of the leader, who edits the profile and so must see what a PUT writes back (or it
     * would wipe it), but not contact details, which stay the leader's.
     */
    DELEGATE(EnumSet.of(Field.DOING_NOW, Field.CONFLICTS)),
    /** Admins, who may change any profile and so see everything a PUT writes. */
    ADMIN(EnumSet.allOf(Field.class)),
    /** The leader themself. */
    OWNER(EnumSet.allOf(Field.class));

    /** The fields not everyone sees. */
    public enum Field {
        /** {@code doingNow} and {@code doingNowAsOf}: current and personal, for people who signed in. */
        DOING_NOW,
        /** {@code mentoring.conflicts}: organisations the leader refuses to be matched with. */
        CONFLICTS,
        /** {@code contact}: e-mail and phone; others reach them only through an introduction or mentorship. */
        CONTACT,
        /** {@code mentoring.pauseReason}: why a mentor is paused (leave, illness), for staff; the date itself everyone sees. */
        PAUSE_REASON
    }

    private final Set<Field> fields;

    ProfileAudience(Set<Field> fields) {
        this.fields = fields;
    }

    public boolean sees(Field field) {
        return fields.contains(field);
    }

    /** The caller's audience for this leader. Outside a request (indexing, start-up) the system sees everything. */
    public static ProfileAudience of(CurrentUser user, long leaderId) {
        if (user.isLeader(leaderId)) {
            return OWNER;
        }
        var others = others(user);
        // staff and admins already see at least what a delegate does: no need to ask
        return others == REGISTERED && user.isDelegateOf(leaderId) ? DELEGATE : others;
    }

    /** The caller's audience for leaders other than their own (what a search over everyone may show and match). */
    public static ProfileAudience others(CurrentUser user) {
        if (user.has(Roles.ADMIN)) {
            return ADMIN;
        }
        if (user.isStaff()) {
            return STAFF;
        }
        return user.signedIn() ? REGISTERED : PUBLIC;
    }

    /** The full view cut down to this audience; {@code contact} is added only where it is seen. */
    public LeaderView show(LeaderView full, Contact contact) {
        var offer = full.mentoring();
        var mentoring = sees(Field.CONFLICTS) ? offer
                : new LeaderView.MentoringView(offer.willing(), offer.capacity(), offer.active(), offer.formats(), offer.trained(), List.of(),
                        offer.pausedUntil(), offer.pauseReason());
        if (!sees(Field.PAUSE_REASON)) {
            mentoring = mentoring.withoutPauseReason();
        }
        boolean doingNow = sees(Field.DOING_NOW);
        return new LeaderView(full.id(), full.version(), full.name(), full.currentRole(), full.organisation(),
                doingNow ? full.doingNow() : null, doingNow ? full.doingNowAsOf() : null, full.homeArea(), full.sector(), mentoring, full.visibility(),
                full.illustrative(), full.createdAt(), full.updatedAt(),
                full.recognitions().stream().filter(r -> r.shownTo(this != PUBLIC, this == STAFF || this == ADMIN)).toList(),
                sees(Field.CONTACT) ? contact : null);
    }
}
