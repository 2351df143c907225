package dev.moments.domain.reward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeStockTest {

    @Test
    void aPoolIsLowWithAtMostATenthOfItsCodesFree() {
        assertThat(CodeStock.isLow(10, 100)).isTrue();
        assertThat(CodeStock.isLow(11, 100)).isFalse();
        assertThat(CodeStock.isLow(1, 10)).isTrue();
        assertThat(CodeStock.isLow(2, 10)).isFalse();
        assertThat(CodeStock.isLow(0, 3)).as("used up").isTrue();
        assertThat(CodeStock.isLow(1, 3)).isFalse();
    }

    @Test
    void aPoolThatNeverHadCodesIsNotLow() {
        assertThat(CodeStock.isLow(0, 0)).isFalse();
    }
}
