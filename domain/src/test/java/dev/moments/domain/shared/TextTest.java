package dev.moments.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text the model keeps: refused, never repaired, when too long, with a control character or a lone surrogate. */
class TextTest {

    private static final String EMOJI = "\uD83C\uDF89"; // a surrogate pair

    @Test
    void anIdIsRequired_keptAsGiven_andAtMostItsLength() {
        assertThat(Text.id("userId", " u-1 ", 5)).isEqualTo(" u-1 ");
        assertThatThrownBy(() -> Text.id("userId", " ", 5)).isInstanceOf(InvalidValueException.class)
                .hasMessage("userId is required");
        assertThatThrownBy(() -> Text.id("userId", null, 5)).isInstanceOf(InvalidValueException.class);
        assertThat(Text.id("userId", "abcde", 5)).isEqualTo("abcde");
        assertThatThrownBy(() -> Text.id("userId", "abcdef", 5)).isInstanceOf(InvalidValueException.class)
                .hasMessage("userId is longer than 5 characters");
        assertThat(Text.optionalId("deviceId", null, 5)).isNull();
        assertThat(Text.name("name", "  Acme  ", 10)).isEqualTo("Acme");
    }

    @Test
    void singleLineValuesRefuseEveryControlCharacter_namedWithItsCodeAndPlace() {
        for (char control : new char[] {'\0', '\n', '\t', 0x1F, 0x7F, 0x80, 0x9F}) {
            assertThatThrownBy(() -> Text.id("type", "a" + control, 10)).as("U+%04X", (int) control)
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("type must not contain control characters (U+%04X at 1)", (int) control);
        }
        for (char fine : new char[] {' ', '~', 0xA0, 'é'}) {
            assertThat(Text.id("type", "a" + fine, 10)).isEqualTo("a" + fine);
        }
    }

    @Test
    void proseMayHoldLineBreaksAndTabs_butNoOtherControlCharacter() {
        assertThat(Text.prose("message", "line one\r\nline two\tend", 100)).isEqualTo("line one\r\nline two\tend");
        assertThat(Text.prose("message", null, 100)).isNull();
        assertThatThrownBy(() -> Text.prose("message", "bell\u0007", 100)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("U+0007 at 4");
        assertThatThrownBy(() -> Text.prose("message", "x".repeat(101), 100))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Text.prose("message", "a\uD83C", 100)).isInstanceOf(InvalidValueException.class)
                .hasMessage("message is not well-formed Unicode (a lone surrogate)");
    }

    @Test
    void wellFormedMeansEverySurrogateInAPair() {
        assertThat(Text.isWellFormed("party " + EMOJI)).isTrue();
        assertThat(Text.isWellFormed(EMOJI + EMOJI)).isTrue();
        assertThat(Text.isWellFormed("\uD83C")).as("a high surrogate at the end").isFalse();
        assertThat(Text.isWellFormed("\uD83Cx")).as("a high surrogate before a letter").isFalse();
        assertThat(Text.isWellFormed("\uDF89x")).as("a lone low surrogate").isFalse();
        assertThat(Text.isWellFormed("x\uDF89")).isFalse();
        assertThat(Text.isWellFormed("\uD83C\uD83C\uDF89")).as("a high surrogate before a pair").isFalse();
        assertThat(Text.isWellFormed("")).isTrue();
    }

    @Test
    void plainMeansWellFormedAndSingleLine() {
        assertThat(Text.isPlain("Acme " + EMOJI)).isTrue();
        assertThat(Text.isPlain("two\nlines")).isFalse();
        assertThat(Text.isPlain("\u001F")).isFalse();
        assertThat(Text.isPlain("\u0020")).isTrue();
        assertThat(Text.isPlain("\u007F")).isFalse();
        assertThat(Text.isPlain("\u009F")).isFalse();
        assertThat(Text.isPlain("\u00A0")).isTrue();
        assertThat(Text.isPlain("\u007E")).isTrue();
        assertThat(Text.isPlain("\uD83C")).isFalse();
    }

    @Test
    void labelsAreAtMostSoMany_eachNonBlankAndSingleLine_namedByIndexWhenRefused() {
        assertThat(Text.labels("segments", List.of("vip", "new", "vip"), 3, 5)).containsExactlyInAnyOrder("vip",
                "new");
        assertThat(Text.labels("segments", null, 3, 5)).isEmpty();
        assertThat(Text.labels("segments", List.of("a", "b", "c"), 3, 5)).hasSize(3);
        assertThatThrownBy(() -> Text.labels("segments", List.of("a", "b", "c", "d"), 3, 5))
                .isInstanceOf(InvalidValueException.class).hasMessage("at most 3 entries, got 4");
        assertThatThrownBy(() -> Text.labels("segments", List.of("a", "b", " "), 3, 5))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("segments[2]");
        assertThatThrownBy(() -> Text.labels("segments", Arrays.asList("a", null), 3, 5))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("segments[1]");
        assertThatThrownBy(() -> Text.labels("segments", List.of("a", "toolong"), 3, 5))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("segments[1]");
    }
}
