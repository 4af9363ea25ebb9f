package org.joinedup.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.leader.LeaderService;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.MentorshipService;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.AccountService;
import org.joinedup.security.AccountView;
import org.joinedup.security.AuditTrail;
import org.joinedup.security.CurrentUser;

/** The signed-in leader's own data: all of it to download, or all of it erased. */
@ApplicationScoped
public class PersonalDataService {

    private static final Logger LOG = Logger.getLogger(PersonalDataService.class);
    private static final PageRequest ALL = new PageRequest(0, 10_000);

    @Inject
    CurrentUser user;

    @Inject
    AccountService accounts;

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    LearningRequestService requests;

    @Inject
    MentorshipService mentorships;

    @Inject
    IntroductionService introductions;

    @Inject
    AuditTrail audit;

    public AccountView account() {
        return accounts.find(user.name()).orElseThrow(() -> ProblemException.notFound("Account", user.name()));
    }

    @Transactional
    public PersonalData export() {
        var leaderId = ownLeader();
        var recordList = records.recordsOfLeaders(List.of(leaderId)).getOrDefault(leaderId, List.of());
        var trail = new ArrayList<AuditTrail.Entry>(audit.search(null, null, "leader", String.valueOf(leaderId), null, null, ALL).items());
        for (var record : recordList) {
            trail.addAll(audit.search(null, null, "record", String.valueOf(record.id()), null, null, ALL).items());
        }
        return new PersonalData(Instant.now(), account(), leaders.find(leaderId).orElseThrow(), leaders.contact(leaderId).orElseThrow(),
                recordList, requests.list(leaderId, null, ALL).items(), mentorships.list(null, null, null, null, ALL).items(),
                introductions.mine(ALL).items(), trail);
    }

    /**
     * Erases the leader, their records, requests, mentorships, introductions and account from the
     * database, and their document from the index (through the outbox). The audit trail keeps its
     * entries about them, blanked to an id and an action.
     */
    @Transactional
    public void erase() {
        var leaderId = ownLeader();
        var account = account();
        var recordIds = records.recordsOfLeaders(List.of(leaderId)).getOrDefault(leaderId, List.of()).stream().map(RecordView::id).toList();
        leaders.delete(leaderId);
        audit.record("erase", "leader", leaderId, null, null);
        // then blank what the trail held about them, including what was just written
        audit.redact("leader", String.valueOf(leaderId), account.username(), "erased:account-" + account.id());
        recordIds.forEach(id -> audit.redact("record", String.valueOf(id), null, null));
        LOG.infof("Erased leader %d and account %d at their request", leaderId, account.id());
    }

    private long ownLeader() {
        return user.leaderId().orElseThrow(() -> ProblemException.notFound("Leader linked to account", user.name()));
    }
}
