package dev.moments.bootstrap.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.bootstrap.ratelimit.RateLimitRoute.PathKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which limits a request path falls under, however it is spelled, as long as Quarkus REST would serve it. */
class PathKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "/v1/events, PARTNER",
            "/v1, PARTNER",
            "//v1/events, PARTNER",
            "/v1//events, PARTNER",
            "/v1;x=1/events, PARTNER",
            "/v1;/events, PARTNER",
            "/admin/v1/partners, ADMIN",
            "///admin;a/v1/partners, ADMIN",
            "/api/redeem/tok, PUBLIC",
            "/api;x/redeem;y/tok, PUBLIC",
            "//api//redeem/tok/claim, PUBLIC",
            "/r/tok, PUBLIC",
            "/r;x/tok, PUBLIC",
            "/r/tok/done, PUBLIC",
            "/r, PUBLIC",
            "/callbacks/providers/http, CALLBACK",
            "//callbacks;x/providers/http, CALLBACK",
            "/r-assets/redeem.css, OTHER",
            "/api/other, OTHER",
            "/api, OTHER",
            "/redeem/tok, OTHER",
            "/v10/events, OTHER",
            "/V1/events, OTHER",
            "/;x/v1/events, OTHER",
            "/q/health, OTHER",
            "/, OTHER",
    })
    void aPathIsReadByItsFirstSegmentsWithoutEmptySegmentsOrMatrixParameters(String path, PathKind kind) {
        assertThat(PathKind.of(path)).isEqualTo(kind);
    }
}
