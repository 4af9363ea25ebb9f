package org.joinedup.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.joinedup.delegate.DelegateService;
import org.joinedup.delegate.DelegateView;
import org.joinedup.delegate.DelegationView;
import org.joinedup.security.CurrentUser;

/**
 * The delegates part of My work, for both sides: a leader's delegates, and the leaders the caller
 * edits for. Templates reach it as {@code inject:delegation}, so My work's own data stays as it is.
 */
@Named("delegation")
@RequestScoped
public class DelegationSection {

    @Inject
    CurrentUser user;

    @Inject
    DelegateService delegates;

    /** The signed-in leader's delegates; none for an account that is not a leader's. */
    public List<DelegateView> mine() {
        return user.leaderId().flatMap(delegates::list).orElse(List.of());
    }

    /** The leaders the caller is a delegate of. */
    public List<DelegationView> leaders() {
        return delegates.mine();
    }
}
