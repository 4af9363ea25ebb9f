package org.joinedup.leader;

/** How to reach a leader: shown only through an introduction or mentorship they accepted. */
public record Contact(String email, String phone) {
}
