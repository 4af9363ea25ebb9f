package org.joinedup.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import org.joinedup.leader.LeaderService;
import org.joinedup.leader.LeaderView;
import org.joinedup.mail.MailKind;
import org.joinedup.notification.NotificationService.Notice;
import org.joinedup.organisation.OrganisationDirectory;
import org.joinedup.organisation.OrganisationView;

/**
 * What each event says and to whom (docs/notifications.md): the features call one method here in
 * the transaction of their change, so every wording and event key is in one file.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Notices {

    static final String MY_WORK = "/my-work";

    @Inject
    NotificationService notifications;

    @Inject
    LeaderService leaders;

    @Inject
    OrganisationDirectory organisations;

    public void introductionAsked(long id, long leaderId, String requester) {
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.INTRODUCTION, "introduction-" + id + "-requested",
                requester + " asked to be introduced to you",
                requester + " asked to be introduced to you. If you accept, they see your contact details; if you decline, they do not. "
                        + "Answer on My work.",
                MY_WORK + "#waiting", "You are " + name(leaderId) + " in JoinedUp, and someone asked to be introduced to you."));
    }

    public void introductionAnswered(long id, long leaderId, String requester, boolean accepted) {
        String leader = name(leaderId);
        notifications.notify(Recipients.account(requester), new Notice(MailKind.INTRODUCTION,
                "introduction-" + id + (accepted ? "-accepted" : "-declined"),
                leader + (accepted ? " accepted" : " declined") + " your introduction",
                accepted ? leader + " accepted your request for an introduction: their contact details are on My work."
                        : leader + " declined your request for an introduction. Their contact details stay private.",
                MY_WORK + "#asked-introductions", "You asked JoinedUp to introduce you to " + leader + "."));
    }

    public void introductionReminder(long id, long leaderId, String requester) {
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.REMINDER, "introduction-" + id + "-reminder",
                requester + " is still waiting for your answer",
                requester + " asked to be introduced to you and has not had an answer. Please accept or decline on My work; "
                        + "unanswered, the request expires.",
                MY_WORK + "#waiting", "You are " + name(leaderId) + " in JoinedUp, and an introduction asked of you is unanswered."));
    }

    public void introductionExpired(long id, long leaderId, String requester) {
        String leader = name(leaderId);
        notifications.notify(Recipients.account(requester), new Notice(MailKind.INTRODUCTION, "introduction-" + id + "-expired",
                "Your introduction to " + leader + " expired",
                leader + " did not answer your request for an introduction in time, so it has expired. You may ask again, "
                        + "or find someone else with the same experience.",
                "/leaders/" + leaderId, "You asked JoinedUp to introduce you to " + leader + "."));
    }

    public void mentorshipProposed(long id, long mentorId, long learnerId) {
        String learner = name(learnerId);
        notifications.notify(Recipients.leader(mentorId), new Notice(MailKind.MENTORSHIP, "mentorship-" + id + "-proposed",
                "Will you mentor " + learner + "?",
                "You were proposed as a mentor for " + learner + ". Please accept or decline on My work; the proposal holds one of "
                        + "your mentoring places until you answer.",
                MY_WORK + "#waiting", "You offered to mentor in JoinedUp, and a learner was matched with you."));
    }

    public void mentorshipAnswered(long id, long mentorId, long learnerId, boolean accepted) {
        String mentor = name(mentorId);
        notifications.notify(Recipients.leader(learnerId), new Notice(MailKind.MENTORSHIP,
                "mentorship-" + id + (accepted ? "-accepted" : "-declined"),
                mentor + (accepted ? " accepted" : " declined") + " to mentor you",
                accepted ? mentor + " accepted to mentor you: you now see each other's contact details. Get in touch to start."
                        : "The mentorship with " + mentor + " will not go ahead. Your learning request stays open for other mentors.",
                MY_WORK, "You asked to learn in JoinedUp, and " + mentor + " was proposed as your mentor."));
    }

    public void mentorshipReminder(long id, long mentorId, long learnerId) {
        String learner = name(learnerId);
        notifications.notify(Recipients.leader(mentorId), new Notice(MailKind.REMINDER, "mentorship-" + id + "-reminder",
                learner + " is still waiting for your answer",
                "You were proposed as a mentor for " + learner + " and have not answered. Please accept or decline on My work; "
                        + "unanswered, the proposal expires and frees your place.",
                MY_WORK + "#waiting", "You offered to mentor in JoinedUp, and a proposal to you is unanswered."));
    }

    public void mentorshipExpired(long id, long mentorId, long learnerId) {
        String mentor = name(mentorId);
        notifications.notify(Recipients.leader(learnerId), new Notice(MailKind.MENTORSHIP, "mentorship-" + id + "-expired",
                "The proposal of " + mentor + " as your mentor expired",
                mentor + " did not answer in time, so the proposal has expired. Your learning request stays open: see its other "
                        + "suggested mentors on My work.",
                MY_WORK, "You asked to learn in JoinedUp, and " + mentor + " was proposed as your mentor."));
    }

    public void corroborationAsked(long requestId, long recordId, String title, long leaderId, String organisation, int revision) {
        String org = organisationName(organisation);
        notifications.notify(Recipients.organisation(organisation), new Notice(MailKind.CORROBORATION,
                "corroboration-" + requestId + "-asked-" + revision,
                "Please confirm a record of " + name(leaderId),
                name(leaderId) + " names " + org + " as a partner in \"" + title + "\" and asks you to confirm or reject it. "
                        + "Any account of " + org + " may answer, on the Corroboration page.",
                "/corroboration", "Your account speaks for " + org + " in JoinedUp, a partner named on this record."));
    }

    /** A record's owner invited a leader to say they led it together (a person just invited to the registry has no account yet: told by their invitation). */
    public void coLeadAsked(long recordId, String title, long ownerId, long leaderId, String role) {
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.CORROBORATION, "record-" + recordId + "-co-lead-" + leaderId,
                name(ownerId) + " says you led a piece of work together",
                name(ownerId) + " names you as a co-leader (" + role + ") of \"" + title + "\". Confirm it on My work and it shows on your "
                        + "profile and in search as your work too; or decline it.",
                MY_WORK + "#co-leads", name(ownerId) + " named you on their record in JoinedUp."));
    }

    public void recordEndorsed(long recordId, String title, long leaderId, String organisation, boolean confirmed, int revision) {
        String org = organisationName(organisation);
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.CORROBORATION,
                "record-" + recordId + "-" + organisation + "-" + (confirmed ? "confirmed" : "rejected") + "-" + revision,
                org + (confirmed ? " confirmed" : " rejected") + " your record",
                org + (confirmed ? " confirmed" : " rejected") + " your record \"" + title + "\""
                        + (confirmed ? "; it now shows who confirmed it." : ". Programme staff see it; the public does not."),
                MY_WORK + "#corroboration-" + recordId, "You asked " + org + " to corroborate your record in JoinedUp."));
    }

    public void recordVerified(long recordId, String title, long leaderId, String programme, boolean verified, int revision) {
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.VERIFICATION,
                "record-" + recordId + "-verification-" + programme + "-" + (verified ? "confirmed" : "rejected") + "-" + revision,
                verified ? "Your record was verified" : "Your record was not verified",
                "Programme staff (" + programme + ") " + (verified ? "verified" : "did not verify") + " your record \"" + title + "\""
                        + (verified ? "; it shows as verified in search." : ". Their comment is on the record."),
                MY_WORK + "#corroboration-" + recordId, "Your record is in JoinedUp, and programme staff checked it."));
    }

    /** To whoever sent an invitation that ran out unclaimed: they are the one who can send another. */
    public void invitationExpired(long linkId, long leaderId, String email, String invitedBy, LocalDate sentOn) {
        String leader = name(leaderId);
        notifications.notify(Recipients.account(invitedBy), new Notice(MailKind.REMINDER, "invitation-" + linkId + "-expired",
                "Your invitation to " + leader + " ran out unclaimed",
                "The invitation you sent on " + sentOn + " to " + email + " for " + leader + "'s profile ran out before anyone used it. "
                        + "Invite them again from the leader's page (the new link replaces the old one), perhaps at another address.",
                "/leaders/" + leaderId, "You invited " + leader + " to take their JoinedUp profile as their own."));
    }

    /** Once a year (the year is in the event key) while "doing now" is older than the reminder's age. */
    public void doingNowStale(long leaderId, LocalDate asOf, int year) {
        notifications.notify(Recipients.leader(leaderId), new Notice(MailKind.REMINDER, "doing-now-" + leaderId + "-" + year,
                "Is \"doing now\" still true?",
                "You last said what you are doing now on " + asOf + ". People looking for experience rely on it: please update or "
                        + "confirm it on My work.",
                MY_WORK + "#profile-form", "You are " + name(leaderId) + " in JoinedUp and your profile says what you are doing now."));
    }

    private String name(long leaderId) {
        return leaders.find(leaderId).map(LeaderView::name).orElse("A leader");
    }

    private String organisationName(String code) {
        return organisations.find(code).map(OrganisationView::name).orElse(code);
    }
}
