package dev.moments.adapter.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.SumTrigger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's moment form: from the fields as posted to the command, and each refusal to its input. */
class MomentFormTest {

    private static final PartnerId ACME = new PartnerId("prt_acme");

    private static Map<String, List<String>> form(String... pairs) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("name", List.of("Second order"));
        form.put("trigger.kind", List.of("event"));
        form.put("trigger.event", List.of("order.completed"));
        form.put("budget.total", List.of("1000.00"));
        form.put("budget.costPerAction", List.of("10.00"));
        form.put("rewards", List.of("rwd_a", "rwd_b"));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], List.of(pairs[i + 1]));
        }
        return form;
    }

    private static CreateMomentCommand command(Map<String, String> errors, String... pairs) {
        return MomentForm.command(ACME, "USD", MomentForm.Input.of(form(pairs)), null, errors);
    }

    @Test
    void aCompleteForm_makesTheCommandOfEveryFieldGiven() {
        Map<String, String> errors = new LinkedHashMap<>();
        CreateMomentCommand command = command(errors, "trigger.where", " event.total >= 25 ", "holdoutPercent", "50",
                "limits.perUser", "2", "budget.dailyCap", "100.00", "expectedValuePerAction", "12.50",
                "outcomes.revenue.events", "order.completed, order.refunded", "outcomes.revenue.value", "event.total",
                "schedule.timezone", "Europe/Paris", "schedule.startsAt", "2026-01-01T00:00:00Z",
                "messages.announcement", "Well done!");

        assertThat(errors).isEmpty();
        assertThat(command.partnerId()).isEqualTo(ACME);
        assertThat(command.trigger()).isEqualTo(new EventTrigger("order.completed", "event.total >= 25"));
        assertThat(command.budget()).isEqualTo(new CreateMomentCommand.BudgetSpec("USD", "1000.00", "100.00", "10.00"));
        assertThat(command.rewards()).containsExactly("rwd_a", "rwd_b");
        assertThat(command.holdoutPercent()).isEqualTo(50);
        assertThat(command.limits().perUser()).isEqualTo(2);
        assertThat(command.expectedValuePerAction()).isEqualTo("12.50");
        assertThat(command.outcomes().revenue().events()).containsExactlyInAnyOrder("order.completed", "order.refunded");
        assertThat(command.outcomes().revenue().value()).isEqualTo("event.total");
        assertThat(command.timezone().getId()).isEqualTo("Europe/Paris");
        assertThat(command.startsAt()).hasToString("2026-01-01T00:00:00Z");
        assertThat(command.messages().announcement()).isEqualTo("Well done!");
    }

    @Test
    void eachTriggerKind_makesItsTrigger() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(command(errors, "trigger.kind", "count", "trigger.atLeast", "2", "trigger.within", "P30D").trigger())
                .isInstanceOfSatisfying(CountTrigger.class, t -> {
                    assertThat(t.atLeast()).isEqualTo(2);
                    assertThat(t.within()).isEqualTo(Duration.ofDays(30));
                });
        assertThat(command(errors, "trigger.kind", "sum", "trigger.atLeast", "99.5", "trigger.field", "total")
                .trigger()).isInstanceOfSatisfying(SumTrigger.class, t -> {
                    assertThat(t.atLeast()).isEqualByComparingTo(new BigDecimal("99.5"));
                    assertThat(t.field()).isEqualTo("total");
                });
        assertThat(command(errors, "trigger.kind", "days", "trigger.atLeast", "7", "trigger.consecutive", "on")
                .trigger()).isInstanceOfSatisfying(DaysTrigger.class, t -> assertThat(t.consecutive()).isTrue());
        assertThat(errors).isEmpty();
    }

    @Test
    void whatCannotBeRead_isRefusedNextToItsField_andNothingIsMade() {
        Map<String, String> errors = new LinkedHashMap<>();
        CreateMomentCommand command = command(errors, "trigger.kind", "count", "trigger.atLeast", "two",
                "trigger.within", "30 days", "holdoutPercent", "half", "schedule.timezone", "Mars/Olympus");

        assertThat(command).isNull();
        assertThat(errors).containsOnlyKeys("trigger.atLeast", "trigger.within", "holdoutPercent",
                "schedule.timezone");
        assertThat(errors.get("trigger.within")).contains("ISO-8601");
    }

    @Test
    void aDomainRefusalOfATriggerPart_goesToItsInput() {
        Map<String, String> errors = new LinkedHashMap<>();
        assertThat(command(errors, "trigger.kind", "count", "trigger.atLeast", "0")).isNull();
        assertThat(errors).containsOnlyKeys("trigger.atLeast");
        errors.clear();
        assertThat(command(errors, "trigger.event", "")).isNull();
        assertThat(errors).containsOnlyKeys("trigger.event");
    }

    @Test
    void aRefusalsFieldName_findsItsInput() {
        assertThat(MomentForm.inputOf("budget.total")).isEqualTo("budget.total");
        assertThat(MomentForm.inputOf("trigger.where")).isEqualTo("trigger.where");
        assertThat(MomentForm.inputOf("outcomes.revenue.value")).isEqualTo("outcomes.revenue.value");
        assertThat(MomentForm.inputOf("rewards[1]")).isEqualTo("rewards");
        assertThat(MomentForm.inputOf("budget")).isEqualTo("budget.total");
        assertThat(MomentForm.inputOf("budget.currency")).as("no such input: the form's notice").isEmpty();
    }

    @Test
    void aCelErrorsPosition_isPointedAtUnderTheExpression() {
        assertThat(MomentForm.pointer("event.total >=", "Syntax error (at position 14)"))
                .isEqualTo("event.total >=\n              ^");
        assertThat(MomentForm.pointer("event.total", "unknown field")).isNull();
        assertThat(MomentForm.pointer("x", "(at position 9)")).isNull();
    }
}
