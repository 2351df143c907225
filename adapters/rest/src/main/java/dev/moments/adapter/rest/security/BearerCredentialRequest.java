package dev.moments.adapter.rest.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.Objects;

/** The credential of an {@code Authorization: Bearer <credential>} header, an API key or the admin token. */
public final class BearerCredentialRequest extends BaseAuthenticationRequest {

    private final String credential;

    public BearerCredentialRequest(String credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /** The credential as presented, never blank. */
    public String credential() {
        return credential;
    }

    @Override
    public String toString() {
        return "BearerCredentialRequest[credential hidden]";
    }
}
