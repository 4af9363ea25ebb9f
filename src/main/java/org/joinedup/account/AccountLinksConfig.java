package org.joinedup.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long each kind of one-time link works. */
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
}
