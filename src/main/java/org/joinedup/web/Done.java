package org.joinedup.web;

import java.util.Arrays;

/**
 * The success banners of My work and the programme desk. A redirect after a form names one by key
 * ({@code ?done=profile-saved}); any other text in {@code done} shows nothing, so a crafted link
 * cannot make our page say what it likes.
 */
enum Done {
    PROFILE_SAVED("Your profile is up to date."),
    DELEGATE_GRANTED("Delegate added: they can now edit your profile and records, and have been told."),
    DELEGATE_REVOKED("Delegate removed: from now on they cannot edit your profile or records."),
    DELEGATION_ENDED("You are no longer their delegate."),
    DELEGATE_PROFILE_SAVED("Their profile is up to date."),
    INTRODUCTION_ACCEPTED("Introduction accepted."),
    INTRODUCTION_DECLINED("Introduction declined."),
    MENTORSHIP_ACCEPTED("Mentorship accepted."),
    MENTORSHIP_DECLINED("Mentorship declined."),
    CO_LEAD_CONFIRMED("Confirmed: the record shows on your profile, and in search as your work too, within a few seconds."),
    CO_LEAD_DECLINED("Done: the record is no longer shown as your work."),
    REQUEST_SAVED("Learning request saved: suggested mentors are below it."),
    REQUEST_WITHDRAWN("Learning request withdrawn."),
    RECORD_VERIFIED("Record verified: it shows as verified in search within a few seconds."),
    MENTOR_PROPOSED("Mentor proposed; they will see it in My work."),
    CORROBORATION_ASKED("Asked: any account of that organisation can now confirm or reject the record on its Corroboration page."),
    CORROBORATION_CONFIRMED("Confirmed: the record shows who confirmed it and when."),
    CORROBORATION_REJECTED("Rejected: the record's leader and programme staff see it; the public does not."),
    PASSWORD_CHANGED("Your password is changed: your other sessions have ended."),
    ACCOUNT_APPROVED("Approved: the account is made and a link to set its password is mailed."),
    ACCOUNT_REJECTED("Rejected: the person is mailed the decision."),
    ROUND_OPENED("Round opened: it takes nominations from its opening day."),
    ROUND_CHANGED("Round saved."),
    NOMINATED("Nomination made: it is listed under your nominations below."),
    NOMINATED_SOMEONE_NEW("Nomination made: they are added to JoinedUp for programme staff to see, and invited by mail to claim their profile."),
    NOMINATION_WITHDRAWN("Nomination withdrawn."),
    NOMINATION_MAILED("Thank you. We have sent a link to the address you gave: your nomination counts once you follow it.");

    final String message;

    Done(String message) {
        this.message = message;
    }

    String key() {
        return name().toLowerCase().replace('_', '-');
    }

    /** Where to send the browser: the page with this banner. */
    String on(String page) {
        return page + "?done=" + key();
    }

    /** The banner for a key from the address; null for anything we did not put there. */
    static String message(String key) {
        return Arrays.stream(values()).filter(done -> done.key().equals(key)).findFirst().map(done -> done.message).orElse(null);
    }
}
