package org.joinedup.account;

import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;

/** One answer for every link that does not work, whatever the reason: it tells an attacker nothing. */
public final class LinkProblems {

    public static final String GONE = "The link does not work: it was used, replaced by a newer one, ran out, or never existed. Ask again.";

    private LinkProblems() {
    }

    public static ProblemException gone() {
        return new ProblemException(Problem.of("link-not-valid", "Link not valid", 410, GONE));
    }
}
