package dev.moments.domain.moment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Puts a (moment, user) pair in one of 100 buckets, the same one on every machine and every run: a user whose bucket
 * is below the moment's {@code holdoutPercent} is in its control arm. Public so that a test (or a partner's own
 * analysis) can tell a user's arm ahead of any event.
 */
public final class HoldoutBucket {

    private HoldoutBucket() {
    }

    /** The bucket, 0 to 99, of the first 64 bits of SHA-256 over the moment id, a NUL and the user id. */
    public static int of(MomentId momentId, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((momentId.value() + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
