package org.joinedup.security;

import java.util.List;

/** The four roles. Each endpoint names the roles it allows; anything unnamed is denied. */
public final class Roles {

    /** Their own profile, records and learning requests; answers introductions and mentorship proposals. */
    public static final String LEADER = "leader";
    /** Search, profiles, asks for introductions. */
    public static final String COMMISSIONER = "commissioner";
    /** Verification, matching, cohorts, imports; sees programme-only profiles. */
    public static final String PROGRAMME = "programme";
    /** Accounts, roles, reindexing, audit. */
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(LEADER, COMMISSIONER, PROGRAMME, ADMIN);

    private Roles() {
    }
}
