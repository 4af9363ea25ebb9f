package org.joinedup.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A deployment's first admin account, from JOINEDUP_ADMIN_USERNAME and JOINEDUP_ADMIN_PASSWORD,
 * created at start if it does not exist yet; every other account is then made through the API.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @ConfigProperty(name = "joinedup.admin.username")
    Optional<String> username;

    @ConfigProperty(name = "joinedup.admin.password")
    Optional<String> password;

    @Inject
    AccountService accounts;

    @Transactional
    void onStart(@Observes StartupEvent start) {
        if (username.isEmpty() || password.isEmpty() || accounts.find(username.get()).isPresent()) {
            return;
        }
        accounts.create(new AccountInput(username.get(), password.get(), List.of(Roles.ADMIN), null));
        LOG.infof("Created the first admin account %s (joinedup.admin.username)", username.get());
    }
}
