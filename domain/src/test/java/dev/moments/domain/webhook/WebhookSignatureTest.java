package dev.moments.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsAsTheStandardWebhooksSpecificationsOwnExample() {
        // the example of standard-webhooks/standard-webhooks (libraries' test suites)
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, BODY))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void theHmacIsTheJdksHmacSha256_forKeysShorterAndLongerThanABlock() throws Exception {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 24, 32, 63, 64, 65, 200}) {
            byte[] key = new byte[length];
            byte[] message = new byte[length * 3 + 7];
            random.nextBytes(key);
            random.nextBytes(message);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            if (key.length > 0) {
                assertThat(WebhookSignature.hmacSha256(key, message)).as("key of %d bytes", length)
                        .isEqualTo(mac.doFinal(message));
            }
        }
    }

    @Test
    void duringARotationTheHeaderCarriesOneSignaturePerLiveSecret_spaceSeparated() {
        WebhookSecret current = new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        WebhookSecret previous = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String header = WebhookSignature.header(List.of(current, previous), "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, BODY);

        assertThat(header.split(" ")).containsExactly(
                WebhookSignature.sign(current, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, BODY),
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThatThrownBy(() -> WebhookSignature.header(List.of(), "msg", 1L, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretIsWhsecAndTheBase64OfAtLeast24Bytes_andNeverPrintsItself() {
        assertThatThrownBy(() -> new WebhookSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasMessageContaining("whsec_");
        assertThatThrownBy(() -> new WebhookSecret("whsec_not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[23])))
                .hasMessageContaining("24 bytes");
        assertThat(new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").key()).hasSize(24);
        assertThat(new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).hasToString("whsec_…");
    }
}
