package dev.moments.adapter.rest;

import dev.moments.domain.partner.PartnerId;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The credentials the REST adapter's tests present, and requests that carry them. */
public final class TestCredentials {

    /** The operator's token. */
    public static final String ADMIN_TOKEN = "rest-test-admin-token-0123456789";
    /** The partner most tests act as, and its API key. */
    public static final PartnerId PARTNER = new PartnerId("ptn_acme");
    public static final String PARTNER_KEY = "mk_acme_key";
    /** Another partner, and its key. */
    public static final PartnerId RIVAL = new PartnerId("ptn_rival");
    public static final String RIVAL_KEY = "mk_rival_key";

    private TestCredentials() {
    }

    /** A JSON request of the partner {@link #PARTNER}. */
    public static RequestSpecification asPartner() {
        return RestAssured.given().auth().oauth2(PARTNER_KEY).contentType(ContentType.JSON);
    }

    /** A JSON request of the operator. */
    public static RequestSpecification asOperator() {
        return RestAssured.given().auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    /** A JSON request without credentials. */
    public static RequestSpecification anonymously() {
        return RestAssured.given().contentType(ContentType.JSON);
    }
}
