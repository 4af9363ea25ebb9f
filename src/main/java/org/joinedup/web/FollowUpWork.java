package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
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

    public List<FollowUpView> waiting() {
        return followUps.mine().stream().filter(f -> f.answeredAt() == null).toList();
    }

    public List<RecordView> learnedFromMe() {
        return user.leaderId().map(records::learnedFrom).orElse(List.of());
    }
}
