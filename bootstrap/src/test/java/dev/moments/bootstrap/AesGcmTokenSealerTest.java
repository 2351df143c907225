package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmTokenSealerTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final AesGcmTokenSealer sealer = new AesGcmTokenSealer(key(1));

    @Test
    void aSealedTokenUnsealsToItselfAndRevealsNothingOfIt() {
        String token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd";
        String sealed = sealer.seal(token);
        assertThat(sealed).doesNotContain(token).startsWith("v1.");
        assertThat(sealer.unseal(sealed)).contains(token);
    }

    @Test
    void sealingTheSameTokenTwiceGivesDifferentCiphertexts() {
        assertThat(sealer.seal("token")).isNotEqualTo(sealer.seal("token"));
    }

    @Test
    void aTokenSealedUnderAnotherKeyOrTamperedWithUnsealsToNothing() {
        String sealed = sealer.seal("token");
        assertThat(new AesGcmTokenSealer(key(2)).unseal(sealed)).isEmpty();
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(sealer.unseal(tampered)).isEmpty();
        assertThat(sealer.unseal("v1.!!")).isEmpty();
        assertThat(sealer.unseal("garbage")).isEmpty();
    }
}
