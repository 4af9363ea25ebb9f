package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.joinedup.platform.PageRequest;
import org.joinedup.shortlist.ShortlistService;
import org.joinedup.shortlist.ShortlistSummary;

/**
 * The shortlists the signed-in account may add a leader to, for the header's link and the profile
 * page's "Add to a shortlist" form ({@code inject:shortlistChoices}); read once per request.
 */
@Named("shortlistChoices")
@RequestScoped
public class ShortlistChoices {

    @Inject
    ShortlistService shortlists;

    @Inject
    PageContext page;

    private List<ShortlistSummary> lists;

    /** Whether the caller keeps shortlists (commissioners and programme staff); asks only the token, so any page may call it. */
    public boolean offered() {
        return page.signedIn() && shortlists.offered();
    }

    public List<ShortlistSummary> lists() {
        if (lists == null) {
            lists = offered() ? shortlists.list(new PageRequest(0, PageRequest.MAX_SIZE)).items() : List.of();
        }
        return lists;
    }

    /** No errors yet: the profile page's form is shown fresh. */
    public FormErrors none() {
        return FormErrors.NONE;
    }
}
