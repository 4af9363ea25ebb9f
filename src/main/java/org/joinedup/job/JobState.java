package org.joinedup.job;

import java.util.List;
import java.util.Locale;

/** Where a job stands: queued and running are unfinished (one of each kind at a time), the others are final. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    static final List<JobState> UNFINISHED = List.of(QUEUED, RUNNING);

    /** As the API and the job table spell it: "running". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
