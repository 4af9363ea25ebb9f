package org.joinedup.matching;

/**
 * Fired in the transaction that withdraws a learning request, so mentorships can let its mentors go
 * without the request service depending on the mentorship service (which depends on it).
 */
record LearningRequestWithdrawn(long requestId) {
}
