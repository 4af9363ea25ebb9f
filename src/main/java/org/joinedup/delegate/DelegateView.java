package org.joinedup.delegate;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A leader's delegate, as the leader (or an admin) sees it: who, since when, granted by whom. Never their contact details. */
public record DelegateView(
        @Schema(description = "The delegate's username", examples = "sam-pa") String username,
        @Schema(description = "The delegate's name, or their username when the account has none", examples = "Sam Lee") String name,
        @Schema(description = "Who granted it: the leader's account, or an admin") String grantedBy,
        Instant grantedAt) {
}
