package dev.moments.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidValueExceptionTest {

    @Test
    void anInvalidValueNamesItsField_andCanBeNamedUnderTheFieldThatHoldsIt() {
        InvalidValueException refusal = new InvalidValueException("costPerAction", "costPerAction must be positive");
        InvalidValueException nested = refusal.under("budget");

        assertThat(nested.field()).isEqualTo("budget.costPerAction");
        assertThat(nested).hasMessage("costPerAction must be positive");
        assertThat(nested.code()).isEqualTo(refusal.code()).isEqualTo("invalid-value");
    }
}
