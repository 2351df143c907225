package dev.moments.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every text of the page is translated: the French file has exactly the keys of {@link Msg}. */
class MessagesTest {

    @Test
    void theFrenchFileTranslatesEveryMessage_andNothingElse() throws IOException {
        Properties french = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/msg_fr.properties")) {
            assertThat(in).as("messages/msg_fr.properties").isNotNull();
            french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());

        assertThat(french.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(french.getProperty("lang")).isEqualTo("fr");
    }
}
