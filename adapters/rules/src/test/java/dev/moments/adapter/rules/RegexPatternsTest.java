package dev.moments.adapter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.InvalidExpressionException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The expanded size of a {@code matches} pattern, counted without compiling it: what each piece of RE2 syntax weighs,
 * and the limits a pattern must stay within.
 */
class RegexPatternsTest {

    @Nested
    class WhatEachPieceWeighs {

        @Test
        void eachLiteralCharacterWeighsOne() {
            assertThat(RegexPatterns.weight("abc")).isEqualTo(3);
            assertThat(RegexPatterns.weight("")).isZero();
        }

        @Test
        void loopsAndLazyMarkersAddNothing() {
            assertThat(RegexPatterns.weight("a*b+c?")).isEqualTo(3);
            assertThat(RegexPatterns.weight("a*?")).isEqualTo(1);
        }

        @Test
        void aGroupWeighsItsPartsPlusOne() {
            assertThat(RegexPatterns.weight("(ab)c")).isEqualTo(4);
            assertThat(RegexPatterns.weight("((a))")).isEqualTo(3);
        }

        @Test
        void alternativesAddUp() {
            assertThat(RegexPatterns.weight("ab|cd")).isEqualTo(4);
            assertThat(RegexPatterns.weight("(a|bc)")).isEqualTo(4);
        }

        @Test
        void aCountedRepetitionMultipliesOnlyThePartBeforeIt() {
            assertThat(RegexPatterns.weight("a{3}")).isEqualTo(3);
            assertThat(RegexPatterns.weight("xa{3}")).isEqualTo(4);
            assertThat(RegexPatterns.weight("(ab){10}")).isEqualTo(30);
        }

        @Test
        void aRepetitionAfterAnAlternativeMultipliesOnlyThatAlternative() {
            // "a|b{4}": the part before {4} is b, the alternative's first part; a is not repeated
            assertThat(RegexPatterns.weight("a|b{4}")).isEqualTo(5);
        }

        @Test
        void aRangeCountsItsLargestBoundAndAnOpenRangeItsLowest() {
            assertThat(RegexPatterns.weight("a{2,5}")).isEqualTo(5);
            assertThat(RegexPatterns.weight("a{5,2}")).isEqualTo(5);
            assertThat(RegexPatterns.weight("a{7,}")).isEqualTo(7);
        }

        @Test
        void aZeroCountRemovesNothingButRepeatsNothingEither() {
            // a{0} is still compiled once: the bound never goes below the part itself
            assertThat(RegexPatterns.weight("ab{0}")).isEqualTo(2);
            assertThat(RegexPatterns.weight("ab{1}")).isEqualTo(2);
        }

        @Test
        void aRepetitionOfARepetitionMultipliesBoth() {
            // RE2 refuses a{3}{2} when compiling; its weight still counts every copy
            assertThat(RegexPatterns.weight("a{3}{2}")).isEqualTo(6);
        }

        @Test
        void nestedRepetitionsMultiply() {
            assertThat(RegexPatterns.weight("((a{10}){10}){10}")).isEqualTo(1_110);
        }

        @Test
        void aBraceThatIsNoRepetitionIsALiteral() {
            assertThat(RegexPatterns.weight("a{,5}")).isEqualTo(5);
            assertThat(RegexPatterns.weight("a{x}")).isEqualTo(4);
            assertThat(RegexPatterns.weight("a{12345}")).isEqualTo(8);
            assertThat(RegexPatterns.weight("a{3")).isEqualTo(3);
        }

        @Test
        void anEscapeWeighsOneAndItsCharacterIsNotReadAgain() {
            assertThat(RegexPatterns.weight("\\d")).isEqualTo(1);
            assertThat(RegexPatterns.weight("\\(a")).isEqualTo(2);
            assertThat(RegexPatterns.weight("\\{3}")).isEqualTo(3);
            assertThat(RegexPatterns.weight("a\\")).isEqualTo(2);
        }

        @Test
        void aNamedClassEscapeWeighsOne() {
            assertThat(RegexPatterns.weight("\\p{Greek}a")).isEqualTo(2);
            assertThat(RegexPatterns.weight("\\P{Greek}{3}")).isEqualTo(3);
            assertThat(RegexPatterns.weight("\\pLa")).isEqualTo(3); // \p then L read as a literal: an upper bound
            assertThat(RegexPatterns.weight("\\p{Greek")).isEqualTo(1);
            assertThat(RegexPatterns.weight("a\\p")).isEqualTo(2);
            assertThat(RegexPatterns.weight("}\\p{L}")).isEqualTo(2);
        }

        @Test
        void quotedTextWeighsEachCharacter() {
            assertThat(RegexPatterns.weight("\\Qabc\\E")).isEqualTo(3);
            assertThat(RegexPatterns.weight("\\Qa(b\\Ec")).isEqualTo(4);
            assertThat(RegexPatterns.weight("\\Q\\E")).isEqualTo(1);
            assertThat(RegexPatterns.weight("\\Qabcd")).isEqualTo(4); // quoted to the end of the pattern
            assertThat(RegexPatterns.weight("(\\Qab\\E){10}")).isEqualTo(30);
            assertThat(RegexPatterns.weight("\\E\\Qab\\E")).isEqualTo(3);
            assertThat(RegexPatterns.weight("\\QE")).isEqualTo(1);
        }

        @Test
        void aCharacterClassWeighsOneWhateverItHolds() {
            assertThat(RegexPatterns.weight("[a-z0-9_]")).isEqualTo(1);
            assertThat(RegexPatterns.weight("[a-z]{4}")).isEqualTo(4);
        }

        @Test
        void aLeadingBracketInAClassIsLiteral() {
            assertThat(RegexPatterns.weight("[]a]b")).isEqualTo(2);
            assertThat(RegexPatterns.weight("[^]a]b")).isEqualTo(2);
            assertThat(RegexPatterns.weight("[^a]b")).isEqualTo(2);
        }

        @Test
        void anEscapedBracketDoesNotCloseAClass() {
            assertThat(RegexPatterns.weight("[a\\]b]c")).isEqualTo(2);
            assertThat(RegexPatterns.weight("[\\\\]c")).isEqualTo(2);
        }

        @Test
        void anUnclosedClassRunsToTheEnd() {
            assertThat(RegexPatterns.weight("a[bc")).isEqualTo(2);
            assertThat(RegexPatterns.weight("a[")).isEqualTo(2);
            assertThat(RegexPatterns.weight("[^")).isEqualTo(1);
            assertThat(RegexPatterns.weight("[a\\")).isEqualTo(1);
        }

        @Test
        void unbalancedGroupsStillCountEveryPart() {
            assertThat(RegexPatterns.weight("(ab")).isEqualTo(2);
            assertThat(RegexPatterns.weight("ab)c")).isEqualTo(3);
            assertThat(RegexPatterns.weight("((a){3}")).isEqualTo(6);
        }
    }

    @Nested
    class Limits {

        @Test
        void aPatternOfTheLongestLengthIsAcceptedAndOneCharacterMoreIsRefused() {
            assertThatCode(() -> RegexPatterns.checkPattern("a".repeat(RegexPatterns.MAX_LENGTH)))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> RegexPatterns.checkPattern("a".repeat(RegexPatterns.MAX_LENGTH + 1)))
                    .isInstanceOf(InvalidExpressionException.class)
                    .hasMessageContaining("at most 256 characters");
        }

        @Test
        void aPatternOfTheLargestWeightIsAcceptedAndOneMoreIsRefused() {
            // RE2 itself allows counts up to 1000: (a{999}) weighs 1000, five times 5000
            assertThatCode(() -> RegexPatterns.checkPattern("(a{999}){5}")).doesNotThrowAnyException();
            assertThatThrownBy(() -> RegexPatterns.checkPattern("b(a{999}){5}"))
                    .isInstanceOf(InvalidExpressionException.class)
                    .hasMessageContaining("expands to about 5001 steps")
                    .hasMessageContaining("at most 5000");
        }

        @Test
        void aMalformedPatternIsRefusedWithRe2sReason() {
            assertThatThrownBy(() -> RegexPatterns.checkPattern("(a"))
                    .isInstanceOf(InvalidExpressionException.class)
                    .hasMessageStartingWith("the matches pattern is not a valid RE2 expression: ")
                    .hasMessageContaining("missing closing )");
        }
    }
}
