package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.testkit.EventResult;
import dev.moments.testkit.MomentsTestEngine;
import dev.moments.testkit.ProblemException;
import dev.moments.testkit.TestAward;
import dev.moments.testkit.TestPartner;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BigOrderMomentTest {

    @Test
    void aBigOrderEarnsOneAwardAndTheBudgetPaysForItsClaim() {
        MomentsTestEngine engine = MomentsTestEngine.create();
        TestPartner acme = engine.partner("Acme Shop", "USD");
        String reward = acme.createReward("""
                {"name": "$5 store credit", "kind": "CREDIT", "cost": "5.00", "currency": "USD",
                 "fulfillment": {"provider": "sandbox"}}""");
        String moment = acme.createMoment("""
                {"name": "Spend at least $25 in one order",
                 "trigger": {"kind": "event", "event": "order.completed", "where": "event.total >= 25"},
                 "budget": {"currency": "USD", "total": "100.00", "costPerAction": "10.00"},
                 "rewards": ["%s"], "limits": {"claimWithin": "P30D"}}""".formatted(reward));
        acme.launch(moment);

        EventResult big = acme.send("""
                {"id": "order-1001", "type": "order.completed", "userId": "u-42", "properties": {"total": 42.50}}""");
        EventResult small = acme.send("""
                {"id": "order-1002", "type": "order.completed", "userId": "u-7", "properties": {"total": 10}}""");

        assertThat(big.awards()).hasSize(1);
        assertThat(small.awards()).isEmpty();
        assertThat(acme.explain("u-7", moment).reasons()).containsExactly("NOT_COMPLETED");
        assertThat(acme.budget(moment).reserved()).isEqualByComparingTo("10.00");

        TestAward award = big.awards().get(0);
        engine.clock().advance(Duration.ofDays(1));
        assertThat(acme.claim(award.redeemToken(), reward)).isEqualTo("FULFILLED");
        assertThat(acme.budget(moment).remaining()).as("the budget left after the claim")
                .isEqualByComparingTo("95.00");

        assertThatThrownBy(() -> acme.claim(award.redeemToken(), reward))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.type()).isEqualTo("/problems/already-claimed"));
    }
}
