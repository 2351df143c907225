package dev.moments.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} of Standard Webhooks (v1): {@code v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>}
 * per secret, space-separated when several secrets are live (during a rotation). HMAC (RFC 2104) is computed here on
 * the platform's SHA-256, so the domain needs nothing but {@code java.*}; tests check it against {@code javax.crypto}.
 */
public final class WebhookSignature {

    /** The version prefix of each signature. */
    public static final String VERSION = "v1";

    private static final int BLOCK = 64;

    private WebhookSignature() {
    }

    /** The header value: one {@code v1,…} per secret, in the order given, separated by a space. */
    public static String header(List<WebhookSecret> secrets, String messageId, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return secrets.stream().map(secret -> sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    /** One signature, {@code v1,<base64>}. */
    public static String sign(WebhookSecret secret, String messageId, long timestamp, byte[] body) {
        byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return VERSION + "," + Base64.getEncoder().encodeToString(hmacSha256(secret.key(), content));
    }

    /** HMAC-SHA256 as RFC 2104 defines it. */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        MessageDigest sha256 = sha256();
        byte[] block = Arrays.copyOf(key.length > BLOCK ? sha256.digest(key) : key, BLOCK);
        byte[] inner = new byte[BLOCK];
        byte[] outer = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        sha256.update(inner);
        sha256.update(message);
        byte[] innerHash = sha256.digest();
        sha256.update(outer);
        sha256.update(innerHash);
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
