package org.joinedup.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long each kind of one-time link works, and how many mails anyone can make us send (MailAskLimits). */
@ConfigMapping(prefix = "joinedup.accounts")
public interface AccountLinksConfig {

    /** An invitation to claim a leader profile, and the first-password link of an approved request. */
    @WithDefault("P14D")
    Duration invitationLifetime();

    @WithDefault("PT1H")
    Duration resetLifetime();

    /** The link that confirms the address of someone asking for an account. */
    @WithDefault("P1D")
    Duration confirmationLifetime();

    /**
     * A reset, or an account request with the same address, asked for again within this time makes
     * no new link or mail (the first one still works): nobody can flood an address through us.
     */
    @WithDefault("PT2M")
    Duration resetQuietPeriod();

    /** Reset and address-confirmation mails to one address per window; more asks get the same answer and no mail. */
    @WithDefault("3")
    int mailsPerAddress();

    /**
     * Reset and account-request asks from one client address per window, whatever address they name
     * (against sweeping many addresses). Generous: a whole organisation can sit behind one address.
     */
    @WithDefault("100")
    int asksPerClient();

    @WithDefault("PT1H")
    Duration askWindow();
}
