package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Referral moments end to end against PostgreSQL: who referred whom (the first referral of a user kept), the referrer
 * paid when the referee completes within the window, the referee too when the moment says so, each once; what is
 * refused (not referred, too late, a shared device) and how both users are explained; many referees of one referrer
 * completing at once against the referrer's limit.
 */
@QuarkusTest
class ReferralTest {

    private static final Map<String, Object> FIRST_ORDER = Map.of("kind", "event", "event", "order.completed");
    private static final Instant REFERRED = Instant.parse("2026-10-01T10:00:00Z");

    @Test
    void aRefereesCompletionWithinTheWindow_paysTheReferrerAndTheReferee_once() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, "P30D"), Map.of("rewardReferee", true,
                "limits", Map.of("perUser", 10)));
        acme.moment(moment).body("trigger.kind", equalTo("referral")).body("trigger.of.kind", equalTo("event"))
                .body("trigger.within", equalTo("P30D")).body("rewardReferee", equalTo(true));
        signUp(acme, "ann", null, "phone-a", REFERRED.minusSeconds(3600));
        signUp(acme, "bob", "ann", "phone-b", REFERRED);
        signUp(acme, "bob", "cid", "phone-b", REFERRED.plusSeconds(60)); // a later referral is ignored

        JsonPath paid = order(acme, "bob", "phone-b", REFERRED.plus(Duration.ofDays(10)));

        assertThat(paid.getList("awards.userId")).containsExactly("ann", "bob");
        assertThat(paid.getList("awards.referee")).containsExactly("bob", "bob");
        for (String award : paid.<String>getList("awards.id")) {
            acme.request().get("/v1/awards/" + award).then().statusCode(200).body("referrer", equalTo("ann"))
                    .body("referee", equalTo("bob")).body("reserved", equalTo("10.00"));
        }
        assertThat(order(acme, "bob", "phone-b", REFERRED.plus(Duration.ofDays(20))).getList("awards"))
                .as("a referee's referral pays once").isEmpty();
        acme.explain("bob", moment).statusCode(200).body("referral.referredBy", equalTo("ann"))
                .body("referral.referredAt", equalTo(REFERRED.toString()))
                .body("referral.expiresAt", equalTo(REFERRED.plus(Duration.ofDays(30)).toString()))
                .body("lastRefusal", equalTo("REFERRAL_PAID")).body("reasons", hasItem("REFERRAL_PAID"));
        acme.explain("ann", moment).statusCode(200).body("referral.referralsPaid", equalTo(1))
                .body("referral.perUser", equalTo(10)).body("referral.referredBy", nullValue())
                .body("reasons", hasItem("NOT_REFERRED"));
        acme.moment(moment).body("budgetState.reserved", equalTo("20.00"));
    }

    @Test
    void aUserNotReferred_referredTooLongAgo_onTheReferrersDevice_orByThemself_paysNothing() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, "P30D"), Map.of("limits", Map.of("perUser", 10)));
        signUp(acme, "ann", null, "phone-a", REFERRED.minusSeconds(3600));
        signUp(acme, "eve", "ann", "phone-e", REFERRED);
        signUp(acme, "fay", "ann", "phone-a", REFERRED);
        signUp(acme, "gus", "gus", "phone-g", REFERRED);

        assertThat(order(acme, "dan", null, REFERRED).getList("awards")).isEmpty();
        assertThat(order(acme, "eve", "phone-e", REFERRED.plus(Duration.ofDays(30)).plusSeconds(1))
                .getList("awards")).isEmpty();
        assertThat(order(acme, "fay", "phone-f", REFERRED.plusSeconds(60)).getList("awards")).isEmpty();
        assertThat(order(acme, "gus", "phone-g", REFERRED.plusSeconds(60)).getList("awards")).isEmpty();

        acme.explain("dan", moment).body("lastRefusal", equalTo("NOT_REFERRED"))
                .body("referral.referredBy", nullValue());
        acme.explain("eve", moment).body("lastRefusal", equalTo("REFERRAL_EXPIRED"))
                .body("reasons", hasItem("REFERRAL_EXPIRED"));
        acme.explain("fay", moment).body("lastRefusal", equalTo("SELF_REFERRAL"))
                .body("reasons", hasItem("SELF_REFERRAL"));
        acme.explain("gus", moment).body("lastRefusal", equalTo("NOT_REFERRED"))
                .body("referral.referredBy", nullValue());
        acme.explain("ann", moment).body("referral.referralsPaid", equalTo(0));
        assertThat(Api.awardsOf(acme::request, moment)).isEmpty();
    }

    @Test
    void inOneBatch_aReferralCountsForTheEventsAfterIt_notForThoseBefore() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, "P30D"), Map.of("limits", Map.of("perUser", 10)));
        Map<String, Object> referred = Map.of("referredBy", "ann");
        JsonPath results = acme.request().body(Map.of("events", List.of(
                        Map.of("id", "b-1", "type", "user.signed_up", "userId", "bob", "user", referred,
                                "occurredAt", REFERRED.toString()),
                        Map.of("id", "b-2", "type", "order.completed", "userId", "bob",
                                "occurredAt", REFERRED.plusSeconds(60).toString()),
                        Map.of("id", "c-1", "type", "order.completed", "userId", "cid",
                                "occurredAt", REFERRED.plusSeconds(60).toString()),
                        Map.of("id", "c-2", "type", "user.signed_up", "userId", "cid", "user", referred,
                                "occurredAt", REFERRED.plusSeconds(120).toString()))))
                .post("/v1/events/batch").then().statusCode(200).extract().jsonPath();

        assertThat(results.getList("results[1].awards.userId")).containsExactly("ann");
        assertThat(results.getList("results[2].awards")).isEmpty();
        acme.explain("cid", moment).body("lastRefusal", equalTo("NOT_REFERRED"))
                .body("referral.referredBy", equalTo("ann"));
    }

    @Test
    void anEventMayNameTheReferrerAndCompleteAtOnce_butACompletionBeforeTheReferralIsNotOne() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, "P30D"), Map.of("limits", Map.of("perUser", 10)));
        JsonPath both = acme.event(Map.of("type", "order.completed", "userId", "bob", "occurredAt",
                REFERRED.toString(), "user", Map.of("referredBy", "ann"))).extract().jsonPath();
        assertThat(both.getList("awards.userId")).containsExactly("ann");

        signUp(acme, "cid", "ann", "phone-c", REFERRED);
        assertThat(order(acme, "cid", "phone-c", REFERRED.minusSeconds(60)).getList("awards"))
                .as("an order older than the referral").isEmpty();
        acme.explain("cid", moment).body("lastRefusal", equalTo("NOT_REFERRED"))
                .body("referral.referredBy", equalTo("ann"));
    }

    @Test
    void aReferrersLimitCountsTheReferralsPaidToThem_notTheirOwnAwardAsAReferee() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, null), Map.of("rewardReferee", true,
                "limits", Map.of("perUser", 1, "perDevice", 1)));
        signUp(acme, "ann", "zoe", "phone-a", REFERRED);
        assertThat(order(acme, "ann", "phone-a", REFERRED.plusSeconds(60)).getList("awards.userId"))
                .as("one referral, one use of ann's phone: both sides paid").containsExactly("zoe", "ann");
        signUp(acme, "bob", "ann", "phone-b", REFERRED);
        signUp(acme, "cid", "ann", "phone-c", REFERRED);

        assertThat(order(acme, "bob", "phone-b", REFERRED.plusSeconds(60)).getList("awards.userId"))
                .as("ann's first paid referral, though she holds an award as zoe's referee")
                .containsExactly("ann", "bob");
        assertThat(order(acme, "cid", "phone-c", REFERRED.plusSeconds(60)).getList("awards.userId"))
                .as("ann's second referral: her limit of one; cid is still paid as a referee").containsExactly("cid");
        acme.explain("ann", moment).body("referral.referralsPaid", equalTo(1))
                .body("reasons", hasItem("REFERRAL_PAID")); // ann's own referral by zoe is paid already
        signUp(acme, "dan", "eve", "phone-b", REFERRED);
        assertThat(order(acme, "dan", "phone-b", REFERRED.plusSeconds(60)).getList("awards"))
                .as("bob's phone already served a referral").isEmpty();
        acme.explain("dan", moment).body("lastRefusal", equalTo("LIMIT_PER_DEVICE"));
    }

    @Test
    void changingAReferralsWindowOrRewardReferee_keepsTheRefereesProgress() {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(Map.of("kind", "count", "event", "order.completed",
                "atLeast", 2), "P30D"), Map.of("limits", Map.of("perUser", 10)));
        signUp(acme, "bob", "ann", "phone-b", REFERRED);
        assertThat(order(acme, "bob", "phone-b", REFERRED.plusSeconds(60)).getList("awards")).isEmpty();

        acme.request().post("/v1/moments/" + moment + "/pause").then().statusCode(200);
        acme.request().contentType("application/merge-patch+json").body(Map.of("rewardReferee", true,
                "trigger", referral(Map.of("kind", "count", "event", "order.completed", "atLeast", 2), "P60D")))
                .patch("/v1/moments/" + moment).then().statusCode(200).body("trigger.within", equalTo("P60D"));
        acme.request().post("/v1/moments/" + moment + "/resume").then().statusCode(200);

        assertThat(order(acme, "bob", "phone-b", REFERRED.plusSeconds(120)).getList("awards.userId"))
                .as("the second order of two, counted from before the edit").containsExactly("ann", "bob");
    }

    @Test
    void aHundredRefereesOfOneReferrerCompletingAtOnce_payTheReferrerFiveTimes() throws Exception {
        Api acme = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, null), Map.of("limits", Map.of("perUser", 5)));
        int referees = 100;
        for (int i = 0; i < referees; i++) {
            signUp(acme, "friend-" + i, "ann", "device-" + i, REFERRED);
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Object>>> answers = new ArrayList<>();
        for (int i = 0; i < referees; i++) {
            String referee = "friend-" + i;
            String device = "device-" + i;
            answers.add(pool.submit(() -> {
                start.await();
                return order(acme, referee, device, REFERRED.plusSeconds(3600)).getList("awards.userId");
            }));
        }
        start.countDown();
        List<Object> paid = new ArrayList<>();
        for (Future<List<Object>> answer : answers) {
            paid.addAll(answer.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(paid).containsOnly("ann").hasSize(5);
        List<JsonNode> awards = Api.awardsOf(acme::request, moment);
        assertThat(awards).hasSize(5).allSatisfy(award -> assertThat(award.get("userId").asText()).isEqualTo("ann"));
        assertThat(awards).extracting(award -> award.get("completion").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4,
                5);
        assertThat(awards).extracting(award -> award.get("referee").asText()).doesNotHaveDuplicates();
        acme.explain("ann", moment).body("referral.referralsPaid", equalTo(5))
                .body("reasons", hasItem("NOT_REFERRED"));
        acme.moment(moment).body("budgetState.reserved", equalTo("50.00"));
    }

    @Test
    void aReferralIsDefinedWholeAtTheTopOfAMoment_andAReferrerIsAUserId() {
        Api acme = Api.newPartner();
        refused(acme, Map.of("trigger", Map.of("kind", "referral", "of", List.of(FIRST_ORDER))), "trigger.of");
        refused(acme, Map.of("trigger", Map.of("kind", "referral")), "trigger.of");
        refused(acme, Map.of("trigger", Map.of("kind", "referral", "of", Map.of("kind", "direct"))),
                "trigger.of.kind");
        refused(acme, Map.of("trigger", Map.of("kind", "all", "of", List.of(referral(FIRST_ORDER, null)))),
                "trigger.of[0].kind");
        refused(acme, Map.of("trigger", Map.of("kind", "any", "of", FIRST_ORDER)), "trigger.of");
        refused(acme, Map.of("trigger", FIRST_ORDER, "rewardReferee", true), "rewardReferee");
        refused(acme, Map.of("trigger", referral(Map.of("kind", "event", "event", "order.completed",
                "where", "event.total >"), null)), "trigger.of.where");
        acme.request().body(Map.of("name", "Referral badge", "trigger", referral(FIRST_ORDER, null)))
                .post("/v1/badges").then().statusCode(422).body("errors[0].field", equalTo("trigger.kind"));

        String moment = acme.createMoment(referral(FIRST_ORDER, "P7D"), Map.of("rewardReferee", true));
        acme.request().contentType("application/merge-patch+json").body(Map.of("name", "Refer a friend"))
                .patch("/v1/moments/" + moment).then().statusCode(200).body("trigger.of.event",
                        equalTo("order.completed")).body("rewardReferee", equalTo(true));
        acme.request().contentType("application/merge-patch+json").body(Map.of("trigger", FIRST_ORDER))
                .patch("/v1/moments/" + moment).then().statusCode(422)
                .body("errors[0].field", equalTo("rewardReferee"));

        acme.request().body(Map.of("id", "e-1", "type", "user.signed_up", "userId", "bob",
                        "user", Map.of("referredBy", 7))).post("/v1/events").then().statusCode(422)
                .body("errors[0].field", equalTo("user.referredBy"));
        acme.request().body(Map.of("id", "e-2", "type", "user.signed_up", "userId", "bob",
                        "user", Map.of("referredBy", "x".repeat(201)))).post("/v1/events").then().statusCode(422)
                .body("errors[0].field", equalTo("user.referredBy"));
    }

    @Test
    void anotherPartnersUsersNeitherReferNorAreReferred() {
        Api acme = Api.newPartner();
        Api other = Api.newPartner();
        String moment = acme.launchedMoment(referral(FIRST_ORDER, null), Map.of());
        signUp(other, "bob", "ann", "phone-b", REFERRED);

        assertThat(order(acme, "bob", "phone-b", REFERRED.plusSeconds(60)).getList("awards")).isEmpty();
        acme.explain("bob", moment).body("lastRefusal", equalTo("NOT_REFERRED"));
        other.explain("bob", moment).statusCode(404);
        other.request().get("/v1/awards").then().statusCode(200).body("items", hasSize(0));
    }

    private static Map<String, Object> referral(Map<String, Object> of, String within) {
        Map<String, Object> trigger = new LinkedHashMap<>(Map.of("kind", "referral", "of", of));
        if (within != null) {
            trigger.put("within", within);
        }
        return trigger;
    }

    private static void refused(Api partner, Map<String, Object> fields, String field) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Refer a friend", "rewards",
                List.of(partner.createReward("5.00")), "budget", Map.of("currency", "USD", "total", "100.00",
                        "costPerAction", "10.00")));
        body.putAll(fields);
        partner.request().body(body).post("/v1/moments").then().statusCode(422)
                .body("errors[0].field", equalTo(field));
    }

    /** A sign-up event of {@code user}, naming {@code referredBy} (or no one) on {@code device}. */
    private static void signUp(Api partner, String user, String referredBy, String device, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "user.signed_up", "userId", user,
                "deviceId", device, "occurredAt", at.toString()));
        if (referredBy != null) {
            body.put("user", Map.of("referredBy", referredBy));
        }
        partner.event(body);
    }

    private static JsonPath order(Api partner, String user, String device, Instant at) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", "order.completed", "userId", user,
                "occurredAt", at.toString()));
        if (device != null) {
            body.put("deviceId", device);
        }
        return partner.event(body).extract().jsonPath();
    }
}
