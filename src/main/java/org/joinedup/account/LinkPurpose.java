package org.joinedup.account;

/** What a one-time link is for; a link works only for its own purpose. */
public enum LinkPurpose {
    INVITATION("invitation"),
    ADDRESS_CONFIRMATION("address-confirmation"),
    PASSWORD_RESET("password-reset"),
    /** The first password of an account made from an approved request. */
    SET_PASSWORD("set-password"),
    /** The address of a public nomination (recognition/PublicNominations). */
    NOMINATION_CONFIRMATION("nomination-confirmation");

    private final String code;

    LinkPurpose(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
