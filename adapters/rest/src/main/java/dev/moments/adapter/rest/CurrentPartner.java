package dev.moments.adapter.rest;

import dev.moments.adapter.rest.security.BearerIdentityProvider;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The partner of the current request, read from the identity its API key was authenticated as. */
@RequestScoped
public class CurrentPartner {

    private final SecurityIdentity identity;

    public CurrentPartner(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The authenticated partner; only operations allowed to the partner role may ask. */
    public PartnerId id() {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PARTNER)) {
            throw new IllegalStateException("no partner authenticated for this request");
        }
        return new PartnerId(identity.getPrincipal().getName());
    }

    /** Who acts, as the audit log names them: {@code key:<api key id>}. */
    public String actor() {
        Object keyId = identity.getAttribute(BearerIdentityProvider.KEY_ID);
        return keyId == null ? "key" : "key:" + keyId;
    }
}
