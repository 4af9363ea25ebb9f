package org.joinedup.privacy;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.delegate.DelegateView;
import org.joinedup.delegate.DelegationView;
import org.joinedup.followup.FollowUpView;
import org.joinedup.integration.RecordView;
import org.joinedup.introduction.IntroductionView;
import org.joinedup.leader.Contact;
import org.joinedup.leader.LeaderView;
import org.joinedup.matching.LearningRequestView;
import org.joinedup.matching.MentorshipView;
import org.joinedup.security.AccountView;
import org.joinedup.security.AuditTrail;

/** Everything JoinedUp holds about one leader, as they may download it. */
public record PersonalData(Instant exportedAt, AccountView account, LeaderView leader, Contact contact, List<RecordView> records,
        List<LearningRequestView> learningRequests, List<MentorshipView> mentorships, List<IntroductionView> introductions,
        List<AuditTrail.Entry> auditTrail, List<FollowUpView> followUps,
        @Schema(description = "The accounts this leader made their delegates: who, since when, granted by whom") List<DelegateView> delegates,
        @Schema(description = "The leaders whose profile and records this account may edit, as their delegate") List<DelegationView> delegations) {
}
