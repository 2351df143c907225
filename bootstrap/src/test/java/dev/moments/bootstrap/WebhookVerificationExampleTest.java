package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.webhook.WebhookSecret;
import dev.moments.domain.webhook.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The Java verification example of docs/api.md ("Verifying a delivery") is the method {@link #verify} below, word for
 * word, and it accepts what Moments signs.
 */
class WebhookVerificationExampleTest {

    // docs:start
    static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now)
            throws Exception {
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false; // older than 5 minutes (a replay?) or from the future
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
    // docs:end

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String OTHER = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"award.earned\",\"createdAt\":"
            + "\"2026-11-25T10:00:00Z\",\"data\":{\"id\":\"awd_1\",\"userId\":\"Zoë\"}}";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theExampleAcceptsWhatMomentsSigns_withOneSecretOrDuringARotation() throws Exception {
        String timestamp = Long.toString(AT.getEpochSecond());
        String one = signed(List.of(SECRET));
        String both = signed(List.of(OTHER, SECRET));

        assertThat(verify(SECRET, "evt_1", timestamp, one, BODY, AT.plusSeconds(30))).isTrue();
        assertThat(verify(SECRET, "evt_1", timestamp, both, BODY, AT)).isTrue();
        assertThat(verify(OTHER, "evt_1", timestamp, both, BODY, AT)).isTrue();
    }

    @Test
    void theExampleRefusesAnotherSecretAChangedBodyOrIdAndAStaleTimestamp() throws Exception {
        String timestamp = Long.toString(AT.getEpochSecond());
        String one = signed(List.of(SECRET));

        assertThat(verify(OTHER, "evt_1", timestamp, one, BODY, AT)).isFalse();
        assertThat(verify(SECRET, "evt_1", timestamp, one, BODY.replace("awd_1", "awd_2"), AT)).isFalse();
        assertThat(verify(SECRET, "evt_2", timestamp, one, BODY, AT)).isFalse();
        assertThat(verify(SECRET, "evt_1", timestamp, one, BODY, AT.plusSeconds(301))).isFalse();
    }

    @Test
    void docsApiMdShowsExactlyThisExample() throws Exception {
        String source = Files.readString(Documentation.file(
                "bootstrap/src/test/java/dev/moments/bootstrap/WebhookVerificationExampleTest.java"));
        String example = source.substring(source.indexOf("// docs:start") + "// docs:start".length(),
                source.indexOf("    // docs:end")).stripTrailing();
        String unindented = example.lines().map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .filter(line -> !line.isBlank()).reduce((a, b) -> a + "\n" + b).orElseThrow();

        assertThat(Files.readString(Path.of(Documentation.file("docs/api.md").toString()))).contains(unindented);
    }

    private static String signed(List<String> secrets) {
        return WebhookSignature.header(secrets.stream().map(WebhookSecret::new).toList(), "evt_1",
                AT.getEpochSecond(), BODY.getBytes(StandardCharsets.UTF_8));
    }
}
