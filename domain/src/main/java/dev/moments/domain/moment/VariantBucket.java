package dev.moments.domain.moment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Gives a (moment, user) pair one of a moment's variants, the same on every machine and every run, in proportion to
 * their weights: a hash independent of the holdout's ({@link HoldoutBucket}), so the split between variants does not
 * lean on the split between arms. The variant a user gets is recorded when they first reach the moment, so editing
 * the weights later moves only users who have not reached it yet.
 */
public final class VariantBucket {

    private VariantBucket() {
    }

    /** The variant of {@code userId}: the one whose share of the total weight holds the user's hash. */
    public static Variant of(MomentId momentId, String userId, List<Variant> variants) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the moment has no variants");
        }
        long total = variants.stream().mapToLong(Variant::weight).sum();
        long point = Long.remainderUnsigned(hash(momentId, userId), total);
        for (Variant variant : variants) {
            point -= variant.weight();
            if (point < 0) {
                return variant;
            }
        }
        throw new IllegalStateException("the weights add up to " + total);
    }

    /** The first 64 bits of SHA-256 over "variant", the moment id and the user id, NUL-separated. */
    private static long hash(MomentId momentId, String userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("variant\u0000" + momentId.value() + "\u0000"
                    + userId).getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return value;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
