package dev.moments.adapter.rest.security;

/**
 * The two roles a bearer credential grants: a partner API key the role {@value #PARTNER} (the principal's name is the
 * partner's id), the operator's admin token the role {@value #ADMIN}. No credential grants both.
 */
public final class Roles {

    /** A partner calling {@code /v1/**} with one of its API keys. */
    public static final String PARTNER = "partner";

    /** The operator calling {@code /admin/**} with the admin token. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
