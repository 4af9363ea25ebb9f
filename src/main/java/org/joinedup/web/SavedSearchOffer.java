package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.joinedup.savedsearch.SavedSearchService;

/** Whether pages offer saved searches to the caller (the form on Find leaders, the link on My work); templates reach it as {@code inject:savedSearches}. */
@Named("savedSearches")
@RequestScoped
public class SavedSearchOffer {

    @Inject
    SavedSearchService searches;

    public boolean offered() {
        return searches.mayUse();
    }
}
