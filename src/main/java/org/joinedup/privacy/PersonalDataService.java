package org.joinedup.privacy;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.joinedup.delegate.DelegateService;
import org.joinedup.followup.FollowUpService;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.introduction.IntroductionService;
import org.joinedup.leader.LeaderRemoved;
import org.joinedup.leader.LeaderService;
import org.joinedup.matching.CohortMatchService;
import org.joinedup.matching.LearningRequestService;
import org.joinedup.matching.MentorshipService;
import org.joinedup.platform.ExpectedVersion;
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
    CohortMatchService cohorts;

    @Inject
    AuditTrail audit;

    @Inject
    FollowUpService followUps;

    @Inject
    DelegateService delegates;

    public AccountView account() {
        return accounts.find(user.name()).orElseThrow(() -> ProblemException.notFound("Account", user.name()));
    }

    @Transactional
    public PersonalData export() {
        var leaderId = ownLeader();
        // as the leader sees them: with each assertion's source, rejections and the note on corroboration
        var recordList = records.listOfLeader(leaderId, ALL).orElseThrow().items();
        var trail = new ArrayList<AuditTrail.Entry>(audit.search(null, null, "leader", String.valueOf(leaderId), null, null, ALL).items());
        for (var record : recordList) {
            trail.addAll(audit.search(null, null, "record", String.valueOf(record.id()), null, null, ALL).items());
        }
        return new PersonalData(Instant.now(), account(), leaders.find(leaderId).orElseThrow(), leaders.contact(leaderId).orElseThrow(),
                recordList, requests.list(leaderId, null, ALL).items(), mentorships.list(null, null, null, null, ALL).items(),
                introductions.mine(ALL).items(), trail, followUps.mine(), delegates.list(leaderId).orElse(List.of()), delegates.mine());
    }

    /** Erases the signed-in leader: the same erasure as deleting their profile (see {@link #onLeaderRemoved}). */
    @Transactional
    public void erase() {
        var leaderId = ownLeader();
        if (!leaders.delete(leaderId, ExpectedVersion.ANY)) {
            throw ProblemException.notFound("Leader", leaderId);
        }
    }

    /**
     * The one erasure, whichever way a leader goes (DELETE /api/me, or DELETE /api/leaders/{id} by
     * them or an admin), in the deleting transaction: after the other features have let go of the
     * leader and before their row goes (which takes their records, requests and mentorships with it,
     * and their document from the index through the outbox). What only points at them by name goes
     * here: their account and its failed sign-ins, introductions they asked or were asked for,
     * their name in saved cohort results, and the person in the audit trail, whose entries keep
     * their id, time, action and target.
     */
    void onLeaderRemoved(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) LeaderRemoved removed) {
        long leaderId = removed.leaderId();
        var leader = leaders.find(leaderId).orElseThrow();
        var contact = leaders.contact(leaderId).orElseThrow();
        var recordIds = records.allRecordIds(leaderId);
        var account = accounts.eraseOfLeader(leaderId);
        var username = account.map(AccountView::username).orElse(null);
        account.ifPresent(a -> records.forgetEndorsers(endorsementsWrittenBy(a.username())));
        var introductionIds = introductions.eraseInvolving(leaderId, username);
        cohorts.forget(leaderId);
        audit.record("erase", "leader", leaderId, null, null);
        audit.redactAbout("leader", List.of(leaderId));
        audit.redactAbout("record", recordIds);
        audit.redactAbout("introduction", introductionIds);
        account.ifPresent(a -> {
            audit.redactAbout("account", List.of(a.id()));
            audit.redactActor(a.username(), "erased:account-" + a.id());
        });
        // whatever else the trail says about them by name: mentorships, learning requests, introductions
        audit.redactMentions(Arrays.asList(leader.name(), username, contact.email(), contact.phone()));
        LOG.infof("Erased leader %d%s", leaderId, account.map(a -> " and account " + a.id()).orElse(""));
    }

    /** The endorsements an account wrote, as the audit trail recorded them (an endorsement itself does not say). */
    private List<Long> endorsementsWrittenBy(String username) {
        var ids = new ArrayList<Long>();
        for (var action : List.of("endorse", "verify")) {
            audit.search(username, action, "record", null, null, null, ALL).items().stream()
                    .filter(e -> e.after() != null && e.after().has("id")).forEach(e -> ids.add(e.after().get("id").asLong()));
        }
        return ids;
    }

    private long ownLeader() {
        return user.leaderId().orElseThrow(() -> ProblemException.notFound("Leader linked to account", user.name()));
    }
}
