package dev.moments.adapter.fulfillment.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.adapter.fulfillment.callback.CallbackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The HMAC-SHA256 signature of provider callbacks, checked against a vector computed with openssl. */
class CallbackSignatureTest {

    private static final byte[] SECRET = "whsec_example".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"orderId\":\"ord_1\",\"externalId\":\"awd_1\",\"status\":\"FULFILLED\"}"
            .getBytes(StandardCharsets.UTF_8);
    /** printf '%s' '1700000000.<BODY>' | openssl dgst -sha256 -hmac whsec_example */
    private static final String OPENSSL_HEX = "306c2d717e8fa547e3618887fe600037a4f3190c1f1c0f8f2f85e11ff862ef23";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void theSignatureIsTheHexHmacOfTimestampDotBody_asOpensslComputesIt() {
        assertThat(CallbackSignature.sign(SECRET, 1_700_000_000L, BODY)).isEqualTo("t=1700000000,v1=" + OPENSSL_HEX);
    }

    @Test
    void aMatchingSignatureWithinTheWindowIsValid_whateverTheHexCaseOrSpacing() {
        assertThat(verify("t=1700000000,v1=" + OPENSSL_HEX, SIGNED_AT.plusSeconds(300))).isEqualTo(Verdict.VALID);
        assertThat(verify("t=1700000000, v1=" + OPENSSL_HEX.toUpperCase(), SIGNED_AT)).isEqualTo(Verdict.VALID);
    }

    @Test
    void oneMatchingEntryAmongSeveralIsEnough_whileASecretIsRotated() {
        String other = "0".repeat(64);
        assertThat(verify("t=1700000000,v1=" + other + ",v1=" + OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.VALID);
    }

    @Test
    void aSignatureOlderOrNewerThanFiveMinutesIsStale() {
        assertThat(verify("t=1700000000,v1=" + OPENSSL_HEX, SIGNED_AT.plusSeconds(301))).isEqualTo(Verdict.STALE);
        assertThat(verify("t=1700000000,v1=" + OPENSSL_HEX, SIGNED_AT.minusSeconds(301))).isEqualTo(Verdict.STALE);
    }

    @Test
    void anotherBodyAnotherTimestampOrAnotherSecretDoNotMatch() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("FULFILLED", "FAILED")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignature.verify("t=1700000000,v1=" + OPENSSL_HEX, tampered, SECRET, SIGNED_AT,
                FIVE_MINUTES)).isEqualTo(Verdict.MISMATCH);
        assertThat(verify("t=1700000001,v1=" + OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.MISMATCH);
        assertThat(CallbackSignature.verify("t=1700000000,v1=" + OPENSSL_HEX, BODY,
                "another".getBytes(StandardCharsets.UTF_8), SIGNED_AT, FIVE_MINUTES)).isEqualTo(Verdict.MISMATCH);
        assertThat(verify("t=1700000000,v1=not-hex", SIGNED_AT)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        assertThat(verify(null, SIGNED_AT)).isEqualTo(Verdict.MISSING);
        assertThat(verify(" ", SIGNED_AT)).isEqualTo(Verdict.MISSING);
        assertThat(verify(OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("v1=" + OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("t=1700000000", SIGNED_AT)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("t=yesterday,v1=" + OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("t=1700000000,t=1700000000,v1=" + OPENSSL_HEX, SIGNED_AT)).isEqualTo(Verdict.MALFORMED);
    }

    private static Verdict verify(String header, Instant now) {
        return CallbackSignature.verify(header, BODY, SECRET, now, FIVE_MINUTES);
    }
}
