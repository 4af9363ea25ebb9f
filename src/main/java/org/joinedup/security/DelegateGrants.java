package org.joinedup.security;

import java.util.Set;

/**
 * The leaders an account may edit as their delegate. Implemented by the delegate feature, so that
 * this package decides who may act for a leader without importing it.
 */
public interface DelegateGrants {

    /** The ids of the leaders who granted this account, read from the database (never cached across requests). */
    Set<Long> leadersOf(String username);
}
