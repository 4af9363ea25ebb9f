package org.joinedup.search;

import static org.joinedup.search.Json.arr;
import static org.joinedup.search.Json.obj;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.joinedup.security.CurrentUser;

/**
 * Whose eyes a search is for: the leader visibility levels they may see, and their own leader
 * (always visible to themself). Applied as a filter on every query, so hidden leaders never
 * show in hits, facet counts, region counts or matches.
 */
public record Audience(List<String> levels, Long self) {

    /** Programme staff, admins and the system: no filter. */
    public static final Audience EVERYONE = new Audience(null, null);

    public static Audience of(CurrentUser user) {
        return user.isStaff() ? EVERYONE : new Audience(user.visibleLevels(), user.leaderId().orElse(null));
    }

    Optional<ObjectNode> filter() {
        if (levels == null) {
            return Optional.empty();
        }
        var any = new ArrayList<ObjectNode>();
        any.add(obj("terms", obj("visibility", levels)));
        if (self != null) {
            any.add(obj("term", obj("id", self)));
        }
        return Optional.of(obj("bool", obj("should", arr(any), "minimum_should_match", 1)));
    }
}
