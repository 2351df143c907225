package dev.moments.bootstrap;

import dev.moments.application.port.out.IdGenerator;
import java.security.SecureRandom;

/**
 * Server ids in the shape of a ULID after the type prefix: 48 bits of milliseconds then 80 random bits, in
 * lower-case Crockford base32. Unguessable, and sorted by creation time, so lists page in the order things were
 * made.
 */
final class RandomIds implements IdGenerator {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final java.util.function.LongSupplier millis;

    RandomIds(java.util.function.LongSupplier millis) {
        this.millis = millis;
    }

    @Override
    public String next(String prefix) {
        char[] id = new char[26];
        long time = millis.getAsLong();
        for (int i = 9; i >= 0; i--) {
            id[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            id[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            id[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + new String(id);
    }
}
