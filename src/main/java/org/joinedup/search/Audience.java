package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;
import static org.joinedup.search.index.DocumentFields.ID;
import static org.joinedup.search.index.DocumentFields.VISIBILITY;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.joinedup.leader.ProfileAudience;
import org.joinedup.security.CurrentUser;
import org.joinedup.security.Roles;

/**
 * Whose eyes a search is for: the leader visibility levels they may see, and their own leader
 * (always visible to themself), applied as a filter on every query, so hidden leaders never show
 * in hits, facet counts, region counts or matches; and which fields of the leaders they see
 * ({@link ProfileAudience}), which decides both what a hit shows and what free text may match.
 */
public record Audience(List<String> levels, Long self, ProfileAudience others) {

    /** Programme staff and the system: no filter. */
    public static final Audience EVERYONE = new Audience(null, null, ProfileAudience.STAFF);

    public static Audience of(CurrentUser user) {
        return new Audience(user.isStaff() ? null : user.visibleLevels(), user.leaderId().orElse(null), ProfileAudience.others(user));
    }

    /**
     * The audience of a signed-in account with these roles, when it is not the caller (a saved search
     * run for its owner by the weekly pass): the same as {@link #of} gives that account in a request.
     */
    public static Audience ofAccount(Collection<String> roles, Long leaderId) {
        boolean admin = roles.contains(Roles.ADMIN);
        boolean staff = admin || roles.contains(Roles.PROGRAMME);
        return new Audience(staff ? null : List.of("public", "registered"), leaderId,
                admin ? ProfileAudience.ADMIN : staff ? ProfileAudience.STAFF : ProfileAudience.REGISTERED);
    }

    /** The audience for one leader found: the owner for their own, otherwise the same as for everyone else. */
    public ProfileAudience forLeader(long leaderId) {
        return self != null && self == leaderId ? ProfileAudience.OWNER : others;
    }

    /** Whether a leader with this visibility is seen at all (the rule {@link #filter()} puts into every query). */
    public boolean sees(long leaderId, String visibility) {
        return levels == null || levels.contains(visibility) || self != null && self == leaderId;
    }

    Optional<ObjectNode> filter() {
        if (levels == null) {
            return Optional.empty();
        }
        var any = new ArrayList<ObjectNode>();
        any.add(obj("terms", obj(VISIBILITY, levels)));
        if (self != null) {
            any.add(obj("term", obj(ID, self)));
        }
        return Optional.of(obj("bool", obj("should", arr(any), "minimum_should_match", 1)));
    }
}
