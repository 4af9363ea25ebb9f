package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.joinedup.security.PasswordPolicy;

/** Words the account pages share, from the rules they describe. Templates reach it as {@code inject:accountText}. */
@Named("accountText")
@ApplicationScoped
public class AccountText {

    public String passwordHint() {
        return "At least " + PasswordPolicy.MIN_LENGTH + " characters; not a commonly used password, and not containing your username "
                + "or the name part of your mail address. A few unrelated words make a good one.";
    }
}
