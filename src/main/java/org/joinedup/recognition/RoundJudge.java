package org.joinedup.recognition;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;

/** A judge of a round (round_judge): an account, and when they confirmed their conflicts (scoring waits for it). */
@Embeddable
public class RoundJudge {

    @Column(name = "account_id")
    public Long accountId;

    public Instant conflictsDeclaredAt;

    public RoundJudge() {
    }

    public RoundJudge(Long accountId) {
        this.accountId = accountId;
    }

    /** One row per judge: equal when the account is (the element collection is a set). */
    @Override
    public boolean equals(Object other) {
        return other instanceof RoundJudge judge && Objects.equals(accountId, judge.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(accountId);
    }
}
