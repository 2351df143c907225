package dev.moments.adapter.rest;

import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.RequestScoped;

/** The partner authenticated for the current request by its API key. */
@RequestScoped
public class CurrentPartner {

    private PartnerId id;

    void set(PartnerId id) {
        this.id = id;
    }

    /** The authenticated partner; every partner endpoint runs behind the filter that sets it. */
    public PartnerId id() {
        if (id == null) {
            throw new IllegalStateException("no partner authenticated for this request");
        }
        return id;
    }
}
