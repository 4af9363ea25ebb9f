package org.joinedup.introduction;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.joinedup.leader.Contact;
import org.joinedup.platform.Versioned;

/** An introduction; {@code contact} is there only for the requester, once the leader accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntroductionView(long id, int version, String requester, long leaderId, String leaderName, String message, String status,
        Instant createdAt, Instant answeredAt, Contact contact) implements Versioned {
}
