package org.joinedup.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * When reminders go and introductions expire (joinedup.reminders.*). Mentorship proposals expire
 * after joinedup.matching.limits.proposal-expiry; keep answer-after shorter than both expiries, or the
 * reminder never comes.
 */
@ConfigMapping(prefix = "joinedup.reminders")
public interface ReminderConfig {

    /** An introduction or mentorship proposal unanswered this long gets its one reminder. */
    @WithDefault("P7D")
    Duration answerAfter();

    /** An introduction unanswered this long after it was asked expires, and the requester is told. */
    @WithDefault("P14D")
    Duration introductionExpiry();

    /** "Doing now" last said this long ago gets a nudge, once a calendar year. */
    @WithDefault("P365D")
    Duration doingNowAfter();

    /** How often the pass runs (in one service copy); the schedule itself reads joinedup.reminders.every. */
    @WithDefault("1h")
    Duration every();
}
