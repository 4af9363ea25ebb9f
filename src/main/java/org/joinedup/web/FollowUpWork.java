package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.joinedup.followup.FollowUpService;
import org.joinedup.followup.FollowUpView;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.integration.RecordView;
import org.joinedup.security.CurrentUser;

/**
 * The follow-up parts of /my-work, reached by the template as {@code inject:followUpWork} so that
 * the page's own model stays as it is: questions waiting for the learner's answer, and the
 * published work others learned from the signed-in mentor.
 */
@Named("followUpWork")
@RequestScoped
public class FollowUpWork {

    @Inject
    FollowUpService followUps;

    @Inject
    IntegrationRecordService records;

    @Inject
    CurrentUser user;

    /** An answer as the learner typed it, shown again beside its problems. */
    public record Entered(String whatChanged, String wouldRecommend, boolean startRecord) {
        static final Entered NOTHING = new Entered("", "", false);
    }

    private final Map<Long, Entered> entered = new HashMap<>();

    /** Keeps what was typed into a follow-up's form for this request's page. */
    public void keep(long followUpId, String whatChanged, String wouldRecommend, boolean startRecord) {
        entered.put(followUpId, new Entered(whatChanged, wouldRecommend, startRecord));
    }

    public Entered entered(long followUpId) {
        return entered.getOrDefault(followUpId, Entered.NOTHING);
    }

    public List<FollowUpView> waiting() {
        return followUps.mine().stream().filter(f -> f.answeredAt() == null).toList();
    }

    public List<RecordView> learnedFromMe() {
        return user.leaderId().map(records::learnedFrom).orElse(List.of());
    }
}
