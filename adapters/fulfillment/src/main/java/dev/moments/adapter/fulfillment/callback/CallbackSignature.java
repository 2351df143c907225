package dev.moments.adapter.fulfillment.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a provider's callback: header {@code Moments-Provider-Signature: t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256 under the shared secret of {@code t + "." + raw body}. Several {@code v1} entries may be sent
 * (while a secret is being rotated); one matching entry is enough. Comparisons take constant time.
 */
public final class CallbackSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "Moments-Provider-Signature";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_HEADER_LENGTH = 1024;

    /** What a check of one callback found. */
    enum Verdict {
        VALID, MISSING, MALFORMED, MISMATCH, STALE;

        /** The reason given to the caller when the callback is refused. */
        String explanation() {
            return switch (this) {
                case VALID -> "valid";
                case MISSING -> "the " + HEADER + " header is missing";
                case MALFORMED -> "the " + HEADER + " header is not t=<unix seconds>,v1=<hex HMAC-SHA256>";
                case MISMATCH -> "the signature does not match the body";
                case STALE -> "the signature's timestamp is outside the accepted window";
            };
        }
    }

    private CallbackSignature() {
    }

    /** Checks a callback: the signature must match the raw body, its timestamp lie within {@code tolerance} of now. */
    static Verdict verify(String header, byte[] body, byte[] secret, Instant now, Duration tolerance) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        if (header.length() > MAX_HEADER_LENGTH) {
            return Verdict.MALFORMED;
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return Verdict.MALFORMED;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null) {
                    return Verdict.MALFORMED;
                }
                timestamp = value;
            } else if (key.equals("v1")) {
                signatures.add(value);
            }
        }
        if (timestamp == null || !timestamp.matches("\\d{1,12}") || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        byte[] expected = mac(secret, timestamp, body);
        boolean matches = false;
        for (String signature : signatures) {
            // every entry is compared, in constant time, so the time taken does not tell which one came close
            matches |= MessageDigest.isEqual(expected, decodeHex(signature));
        }
        if (!matches) {
            return Verdict.MISMATCH;
        }
        long age = now.getEpochSecond() - Long.parseLong(timestamp);
        return Math.abs(age) > tolerance.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }

    /** The header value a provider sends for {@code body} at {@code timestamp} (for providers' tests and our own). */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        String t = Long.toString(timestamp);
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    private static byte[] mac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] decodeHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
