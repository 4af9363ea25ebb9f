package org.joinedup.savedsearch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Saved searches and their weekly alerts (joinedup.saved-searches.*); see docs/saved-searches.md. */
@ConfigMapping(prefix = "joinedup.saved-searches")
public interface SavedSearchConfig {

    /** The most saved searches one account keeps. */
    @WithDefault("20")
    int maxPerAccount();

    /** The most matching leaders a saved search's snapshot and alert look at, best first. */
    @WithDefault("500")
    int maxMatches();

    /** When the weekly alert pass runs (in one copy; read by SavedSearchAlerts' @Scheduled): an hour before the mail digest. */
    @WithDefault("0 0 6 ? * MON")
    String alertCron();
}
