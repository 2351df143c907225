package dev.moments.bootstrap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The findings of the hostile-input campaign (issue 10), one named test each (8 and 10, Idempotency-Key and rate
 * limits, and 11, outages, have classes of their own): every answer is a 4xx problem, or a 2xx without effect, and
 * nothing reaches the heap, the database or another user.
 */
@QuarkusTest
class HostileInputTest {

    private Api acme;

    @BeforeEach
    void givenAPartner() {
        acme = Api.newPartner();
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    private ValidatableResponse postEvent(String json) {
        return acme.request().body(json).post("/v1/events").then();
    }

    private static List<Integer> numbers(int count) {
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }

    @Nested
    class Finding1_ExpressionsThatBuildLargeValues {

        @Test
        void theEventOfTheAttackIsRefusedForItsSizeBeforeAnyConditionRuns() {
            acme.launchedMoment(Map.of("kind", "event", "event", "big",
                    "where", "event.l.map(x, event.s + event.s).size() > 0"));
            // the attack's body (1.05 MB) is refused before it is read; a 500,000-character string by the parser; a
            // shorter one by the event's own limits
            problem(acme.request().body(Map.of("id", "big-1", "type", "big", "userId", "u1",
                    "properties", Map.of("l", numbers(10_000), "s", "a".repeat(1_000_000)))).post("/v1/events")
                    .then(), 413);
            problem(acme.request().body(Map.of("id", "big-1", "type", "big", "userId", "u1",
                    "properties", Map.of("s", "a".repeat(500_000)))).post("/v1/events")
                    .then(), 400).body("detail", containsString("String value length"));
            problem(acme.request().body(Map.of("id", "big-1", "type", "big", "userId", "u1",
                    "properties", Map.of("l", numbers(10_000), "s", "a".repeat(8_000)))).post("/v1/events")
                    .then(), 422).body("errors.field", hasItem(startsWith("properties.l[")))
                    .body("detail", containsString("at most 1000 values"));
        }

        @Test
        void anEventWithinTheLimitsMeetsTheConditionOnlyWithinItsEvaluationBudget() {
            acme.launchedMoment(Map.of("kind", "event", "event", "big",
                    "where", "event.l.map(x, event.s + event.s).size() > 0"));
            // 990 items × 16 KB strings would build 16 MB: the evaluation stops at its budget, the event counts not
            acme.event(Map.of("type", "big", "userId", "u1",
                            "properties", Map.of("l", numbers(990), "s", "a".repeat(8_192))))
                    .body("awards", empty());
            // the same condition over a small event is met as ever
            acme.event(Map.of("type", "big", "userId", "u2", "properties", Map.of("l", numbers(3), "s", "abc")))
                    .body("awards", hasSize(1));
        }

        @Test
        void threeNestedComprehensionsAreRefusedWhenTheMomentIsDefined() {
            problem(acme.request().body(Map.of("name", "m",
                    "trigger", Map.of("kind", "event", "event", "x",
                            "where", "event.l.all(a, event.l.all(b, event.l.all(c, a + b + c > 0)))"),
                    "budget", Map.of("currency", "USD", "total", "10.00", "costPerAction", "1.00"),
                    "rewards", List.of(acme.createReward("1.00")))).post("/v1/moments").then(), 422)
                    .body("errors.field", hasItem("trigger.where"));
        }
    }

    @Nested
    class Finding1_RegularExpressions {

        private ValidatableResponse momentWhere(String where) {
            return acme.request().body(Map.of("name", "m", "trigger", Map.of("kind", "event", "event", "x",
                    "where", where), "budget", Map.of("currency", "USD", "total", "10.00", "costPerAction", "1.00"),
                    "rewards", List.of(acme.createReward("1.00")))).post("/v1/moments").then();
        }

        @Test
        void aPatternTakenFromTheEventIsRefusedWhenTheMomentIsDefined() {
            // the review found event.p = "((((a{100}){100}){100}){100})" exhausting the heap at each evaluation
            problem(momentWhere("event.s.matches(event.p)"), 422).body("errors.field", hasItem("trigger.where"))
                    .body("detail", containsString("string literal"));
        }

        @Test
        void aLiteralPatternThatExpandsToAMillionStepsIsRefused() {
            problem(momentWhere("event.s.matches('((a{100}){100}){100}')"), 422)
                    .body("errors.field", hasItem("trigger.where"));
        }

        @Test
        void anOrdinaryPatternWorks() {
            String moment = acme.launchedMoment(Map.of("kind", "event", "event", "signup",
                    "where", "event.zip.matches('^[0-9]{5}$')"));
            acme.event(Map.of("type", "signup", "userId", "z1", "properties", Map.of("zip", "62701")))
                    .body("awards.momentId", hasItem(moment));
            acme.event(Map.of("type", "signup", "userId", "z2", "properties", Map.of("zip", "6270")))
                    .body("awards", empty());
        }
    }

    @Nested
    class HugeExponentsAndLargeBatches {

        @Test
        void aNumberWithAHugeExponentIsRefusedWhereverItIs() {
            // the review found 10e2147483647 passing the size check (Math.abs of Integer.MIN_VALUE) and ending in 500
            problem(postEvent("{\"id\":\"x1\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                    + "{\"n\":10e2147483647}}"), 422).body("errors.field", hasItem(startsWith("properties")));
            problem(postEvent("{\"id\":\"x2\",\"type\":\"t\",\"userId\":\"u\",\"user\":{\"n\":1e-2147483647}}"),
                    422);
            String reward = acme.createReward("1.00");
            problem(acme.request().header("Idempotency-Key", "exp-1").body("{\"name\":\"m\",\"trigger\":"
                    + "{\"kind\":\"count\",\"event\":\"x\",\"atLeast\":100e2147483647},\"budget\":{\"currency\":"
                    + "\"USD\",\"total\":\"10.00\",\"costPerAction\":\"1.00\"},\"rewards\":[\"" + reward + "\"]}")
                    .post("/v1/moments").then(), 422).body("errors.field", hasItem("trigger.atLeast"));
            acme.request().body("{\"events\":[{\"id\":\"x3\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                    + "{\"n\":10e2147483647}},{\"id\":\"x4\",\"type\":\"t\",\"userId\":\"u\"}]}")
                    .post("/v1/events/batch").then().statusCode(200)
                    .body("results[0].status", equalTo(422)).body("results[1].eventId", equalTo("x4"));
        }

        @Test
        void aBatchOfMoreThanAThousandEventsIsRefusedBeforeTheyAreRead() {
            String events = "{\"events\":[" + "{},".repeat(1_000_000) + "{}]}"; // 3 MB, a million events
            problem(postBatch(events), 422).body("detail", containsString("at most 1000 events per batch"));
        }

        @Test
        void anEventOfABatchCarryingTooManyValuesFailsAlone() {
            String big = "{\"id\":\"v1\",\"type\":\"t\",\"userId\":\"u\",\"properties\":{\"l\":["
                    + "0,".repeat(5_000) + "0]}}";
            acme.request().body("{\"events\":[" + big + ",{\"id\":\"v2\",\"type\":\"t\",\"userId\":\"u\"}]}")
                    .post("/v1/events/batch").then().statusCode(200)
                    .body("results[0].status", equalTo(422))
                    .body("results[0].detail", containsString("at most 1000 values"))
                    .body("results[1].eventId", equalTo("v2"));
        }

        private ValidatableResponse postBatch(String json) {
            return acme.request().body(json).post("/v1/events/batch").then();
        }
    }

    @Nested
    class BodiesTooLargeForTheirOperation {

        @Test
        void aBodySentInChunksWithoutALengthIsRefusedWith411() throws Exception {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                            URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/rewards"))
                    .header("Authorization", "Bearer " + acme.apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                            "{\"name\":\"r\"}".getBytes(StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(411);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        @Test
        void onlyTheExactOperationsThatTakeManyItemsTakeMoreThanAMebibyte() {
            String twoMegabytes = "{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}";
            problem(acme.request().body(twoMegabytes).patch("/v1/moments/codes").then(), 413);
            problem(acme.request().body(twoMegabytes).post("/v1/rewards").then(), 413);
            problem(given().contentType(ContentType.JSON).body(twoMegabytes).post("/callbacks/providers/http")
                    .then(), 413);
        }
    }

    @Nested
    class Finding2_DeepNesting {

        @Test
        void propertiesNestedNineHundredNinetyLevelsWithLongKeysAreRefusedBeforeTheyAreRead() {
            String json = "{\"id\":\"deep\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                    + ("{\"" + "k".repeat(10_000) + "\":").repeat(990) + "1" + "}".repeat(990) + "}";
            problem(postEvent(json), 413);
        }

        @Test
        void propertiesNestedNineHundredNinetyLevelsWithinTheBodyLimitAreRefusedAtTheEventsDepthLimit() {
            String json = "{\"id\":\"deep\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                    + ("{\"" + "k".repeat(500) + "\":").repeat(990) + "1" + "}".repeat(990) + "}";
            // read token by token, the ninth level is refused before anything below it is read
            problem(postEvent(json), 422).body("detail", containsString("levels deep"))
                    .body("errors[0].field", startsWith("properties.kkkkkkkkkk"));
        }

        @Test
        void aUserBlockNestedNineHundredNinetyNineLevelsIsRefusedAtTheEventsDepthLimit() {
            String json = "{\"id\":\"deep\",\"type\":\"t\",\"userId\":\"u\",\"user\":"
                    + "{\"a\":".repeat(999) + "1" + "}".repeat(999) + "}";
            problem(postEvent(json), 422).body("errors[0].field", startsWith("user.a.a.a"));
        }

        @Test
        void aBodyNestedDeeperThanTheParsersLimitIsRefusedByTheParser() {
            // a merge patch is read as a whole tree first: the parser stops at 64 levels
            problem(acme.request().body("{\"name\":" + "[".repeat(100) + "]".repeat(100) + "}")
                    .patch("/v1/moments/mom_0000000000000000000000000").then(), 400)
                    .body("detail", containsString("nesting depth"));
        }

        @Test
        void propertiesNestedDeeperThanTheEventLimitAreRefusedNamingTheValue() {
            String json = "{\"id\":\"deep\",\"type\":\"t\",\"userId\":\"u\",\"properties\":"
                    + "{\"a\":".repeat(12) + "1" + "}".repeat(12) + "}";
            problem(postEvent(json), 422).body("errors[0].field", startsWith("properties.a.a"))
                    .body("detail", containsString("levels deep"));
        }

        @Test
        void aKeyLongerThanTheEventLimitIsRefused() {
            problem(acme.request().body(Map.of("id", "k", "type", "t", "userId", "u",
                    "properties", Map.of("k".repeat(200), 1))).post("/v1/events").then(), 422)
                    .body("detail", containsString("keys are at most"));
        }
    }

    @Nested
    class Finding3_HugeDefinitions {

        private Map<String, Object> moment(Map<String, Object> extra) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "m",
                    "trigger", Map.of("kind", "event", "event", "x"),
                    "budget", Map.of("currency", "USD", "total", "10.00", "costPerAction", "1.00"),
                    "rewards", List.of(acme.createReward("1.00"))));
            body.putAll(extra);
            return body;
        }

        private List<String> segments(int count) {
            List<String> segments = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                segments.add(String.format("s%0190d", i));
            }
            return segments;
        }

        @Test
        void anAudienceOfFiftyThousandSegmentsIsRefusedBeforeItIsRead() {
            problem(acme.request().body(moment(Map.of("audience", Map.of("segments", segments(50_000)))))
                    .post("/v1/moments").then(), 413);
        }

        @Test
        void anAudienceOfMoreThanAHundredSegmentsIsRefused() {
            problem(acme.request().body(moment(Map.of("audience", Map.of("segments", segments(1_000)))))
                    .post("/v1/moments").then(), 422).body("errors.field", hasItem("audience.segments"));
        }

        @Test
        void aSegmentNameLongerThanItsLimitIsRefusedWithItsIndex() {
            problem(acme.request().body(moment(Map.of("audience", Map.of("segments", List.of("ok", "s".repeat(101))))))
                    .post("/v1/moments").then(), 422).body("errors.field", hasItem("audience.segments[1]"));
        }

        @Test
        void aTriggerOfMoreThanFiftyConditionsIsRefused() {
            List<Object> leaves = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                leaves.add(Map.of("kind", "event", "event", "e" + i));
            }
            Map<String, Object> twenty = Map.of("kind", "any", "of", leaves);
            problem(acme.request().body(moment(Map.of("trigger", Map.of("kind", "all", "of",
                    List.of(twenty, twenty, twenty))))).post("/v1/moments").then(), 422)
                    .body("detail", containsString("at most 50 event conditions"));
        }
    }

    @Nested
    class Finding4_DuplicateKeys {

        @Test
        void aClaimWithADuplicateKeyIsABadRequestNotAnEmpty500() {
            problem(given().contentType(ContentType.JSON)
                    .body("{\"rewardId\":\"r\",\"shipping\":null,\"email\":null,\"rewardId\":\"r\"}")
                    .post("/api/redeem/abcdefghijklmnopqrstuv/claim").then(), 400)
                    .body("detail", containsString("Duplicate field 'rewardId'"));
        }

        @Test
        void aRewardOrAnEventWithADuplicateKeyIsRefusedAndNothingIsCreated() {
            problem(acme.request().body("{\"name\":\"a\",\"kind\":\"CREDIT\",\"cost\":\"1.00\",\"currency\":\"USD\","
                    + "\"fulfillment\":{\"provider\":\"sandbox\"},\"name\":\"b\"}").post("/v1/rewards").then(), 400);
            problem(postEvent("{\"id\":\"e1\",\"type\":\"t\",\"userId\":\"u\",\"id\":\"e2\"}"), 400);
            acme.request().get("/v1/rewards").then().statusCode(200).body("items", empty());
        }

        @Test
        void aDuplicateKeyInsidePropertiesIsRefused() {
            problem(postEvent("{\"id\":\"e1\",\"type\":\"t\",\"userId\":\"u\",\"properties\":{\"a\":1,\"a\":2}}"), 400);
        }
    }

    @Nested
    class Finding5_FormFields {

        @Test
        void aRedemptionFormWithMoreThanAThousandFieldsIsRefusedNotA500() {
            StringBuilder form = new StringBuilder("rewardId=x");
            for (int i = 0; i < 1_200; i++) {
                form.append("&f").append(i).append("=x");
            }
            problem(given().contentType(ContentType.URLENC).body(form.toString())
                    .post("/r/abcdefghijklmnopqrstuv").then(), 413);
        }
    }

    @Nested
    class Finding6_LoneSurrogates {

        @Test
        void aUserIdWithALoneSurrogateIsRefusedSoNoTwoUsersCanCollide() {
            problem(postEvent("{\"id\":\"s1\",\"type\":\"t\",\"userId\":\"col\\ud800N\"}"), 422)
                    .body("errors.field", hasItem("userId"));
            acme.event(Map.of("type", "t", "userId", "col?N"));
            // the refused event left nothing behind: the same id with a proper user is new
            acme.request().body(Map.of("id", "s1", "type", "t", "userId", "colN")).post("/v1/events").then()
                    .statusCode(200).body("duplicate", equalTo(false));
        }

        @Test
        void aLoneSurrogateInAPropertyKeyOrValueIsRefused() {
            problem(postEvent("{\"id\":\"s2\",\"type\":\"t\",\"userId\":\"u\",\"properties\":{\"a\":\"x\\udc00\"}}"),
                    422).body("errors.field", hasItem("properties.a"));
            // in a key the parser itself refuses it ("broken surrogate pair in field name")
            problem(postEvent("{\"id\":\"s3\",\"type\":\"t\",\"userId\":\"u\",\"properties\":{\"\\ud800\":1}}"), 400);
        }

        @Test
        void aPairedSurrogateIsWelcome() {
            acme.request().body("{\"id\":\"s4\",\"type\":\"t\",\"userId\":\"emoji-\\ud83d\\ude00\"}").post("/v1/events")
                    .then().statusCode(200);
        }
    }

    @Nested
    class Finding7_NulCharacters {

        @Test
        void aNulInAPathParameterIsANotFound() {
            for (String path : List.of("/v1/rewards/%00", "/v1/moments/%00", "/v1/awards/%00",
                    "/v1/moments/%00/ledger", "/v1/users/%00/moments/%00", "/v1/users/u/moments/%00")) {
                problem(acme.request().urlEncodingEnabled(false).get(path).then(), 404);
            }
            problem(acme.request().urlEncodingEnabled(false).body(Map.of("codes", List.of("a")))
                    .post("/v1/rewards/%00/codes").then(), 404);
            problem(acme.request().urlEncodingEnabled(false).body(Map.of("userId", "u"))
                    .post("/v1/moments/%00/awards/preview").then(), 404);
        }

        @Test
        void aNulInAQueryParameterIsABadRequestNamingIt() {
            for (String name : List.of("after", "userId", "momentId", "status", "limit")) {
                problem(acme.request().urlEncodingEnabled(false).get("/v1/awards?" + name + "=%00").then(), 400)
                        .body("errors.field", hasItem(name));
            }
        }

        @Test
        void aNulInAnIdOfTheBodyIsRefused() {
            problem(acme.request().body(Map.of("name", "m", "trigger", Map.of("kind", "event", "event", "x"),
                    "budget", Map.of("currency", "USD", "total", "10.00", "costPerAction", "1.00"),
                    "rewards", List.of("\u0000"))).post("/v1/moments").then(), 422);
            String moment = acme.launchedMoment(Map.of("kind", "direct"));
            problem(acme.request().body(Map.of("userId", "u\u0000")).post("/v1/moments/" + moment + "/awards/preview")
                    .then(), 422);
        }
    }

    @Nested
    class Finding9_DryRunFlag {

        @Test
        void aDryRunFlagOtherThanTrueOrFalseIsRefusedAndPaysNothing() {
            String moment = acme.launchedSpendMoment("100.00", "10.00");
            for (String flag : List.of("1", "yes", "maybe", "TRUE", "")) {
                problem(acme.request().queryParam("dryRun", flag).body(Map.of("id", "d-" + flag, "type",
                        "order.completed", "userId", "u-" + flag, "properties", Map.of("total", 30)))
                        .post("/v1/events").then(), 400).body("errors.field", hasItem("dryRun"));
            }
            acme.moment(moment).body("budgetState.reserved", equalTo("0.00"));
            acme.request().queryParam("dryRun", "true").body(Map.of("id", "d-t", "type", "order.completed",
                    "userId", "u-t", "properties", Map.of("total", 30))).post("/v1/events").then().statusCode(200)
                    .body("dryRun", equalTo(true));
            acme.moment(moment).body("budgetState.reserved", equalTo("0.00"));
        }
    }

    @Nested
    class Finding12_RedemptionHeaders {

        @Test
        void theRedemptionApiForbidsCachingReferrersAndSniffingOnEveryAnswer() {
            String reward = Claims.reward(acme, "DIGITAL_CODE", "5.00", "sandbox", List.of());
            String moment = Claims.moment(acme, "100.00", reward);
            Claims.Award award = Claims.award(acme, moment, "u1");
            for (ValidatableResponse response : List.of(Claims.preview(award.token()).statusCode(200),
                    Claims.claim(award.token(), reward).statusCode(200),
                    Claims.preview("unknown-token-0123456789").statusCode(404))) {
                response.header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                        .header("X-Content-Type-Options", "nosniff");
            }
        }
    }

    @Nested
    class Finding13_NoCoercion {

        private String reward;

        @BeforeEach
        void givenAReward() {
            reward = acme.createReward("1.00");
        }

        private ValidatableResponse postReward(String fields) {
            return acme.request().body("{\"kind\":\"CREDIT\",\"currency\":\"USD\",\"fulfillment\":"
                    + "{\"provider\":\"sandbox\"}," + fields + "}").post("/v1/rewards").then();
        }

        private ValidatableResponse postMoment(String trigger, String extra) {
            return acme.request().body("{\"name\":\"m\",\"trigger\":" + trigger + ",\"budget\":{\"currency\":\"USD\","
                    + "\"total\":\"10.00\",\"costPerAction\":\"1.00\"},\"rewards\":[\"" + reward + "\"]" + extra + "}")
                    .post("/v1/moments").then();
        }

        private static final String COUNT = "{\"kind\":\"count\",\"event\":\"x\",\"atLeast\":2}";

        @Test
        void aBooleanOrANumberIsNotReadAsText() {
            problem(postReward("\"name\":true,\"cost\":\"1.00\""), 400).body("errors.field", hasItem("name"));
            problem(postReward("\"name\":\"n\",\"cost\":1.5"), 400).body("errors.field", hasItem("cost"));
        }

        @Test
        void numbersAreNotReadAsDurations() {
            problem(postMoment("{\"kind\":\"count\",\"event\":\"x\",\"atLeast\":2,\"within\":12345}", ""), 400)
                    .body("errors.field", hasItem("trigger.within"));
            problem(postMoment(COUNT, ",\"limits\":{\"claimWithin\":1}"), 400)
                    .body("errors.field", hasItem("limits.claimWithin"));
            problem(postMoment(COUNT, ",\"limits\":{\"cooldown\":1e309}"), 400)
                    .body("errors.field", hasItem("limits.cooldown"));
        }

        @Test
        void fractionsAreNotReadAsWholeNumbers() {
            problem(postMoment(COUNT, ",\"limits\":{\"perUser\":1.5}"), 400)
                    .body("errors.field", hasItem("limits.perUser"));
            problem(postMoment(COUNT, ",\"holdoutPercent\":1.9"), 400).body("errors.field", hasItem("holdoutPercent"));
        }

        @Test
        void aVanishinglySmallSumTargetIsRefusedLikeZero() {
            problem(postMoment("{\"kind\":\"sum\",\"event\":\"x\",\"field\":\"total\",\"atLeast\":1e-400}", ""), 422)
                    .body("errors.field", hasItem("trigger.atLeast"));
            problem(postMoment("{\"kind\":\"sum\",\"event\":\"x\",\"field\":\"total\",\"atLeast\":0}", ""), 422)
                    .body("errors.field", hasItem("trigger.atLeast"));
        }

        @Test
        void aHugeExponentIsRefusedWithoutEverWritingOutItsDigits() {
            // the Idempotency-Key fingerprints the body before it is checked: 1e999999999 written out in full would
            // be a billion characters
            problem(acme.request().header("Idempotency-Key", "huge-exponent").body("{\"name\":\"m\",\"trigger\":"
                    + "{\"kind\":\"count\",\"event\":\"x\",\"atLeast\":1e999999999},\"budget\":{\"currency\":\"USD\","
                    + "\"total\":\"10.00\",\"costPerAction\":\"1.00\"},\"rewards\":[\"" + reward + "\"]}")
                    .post("/v1/moments").then(), 422).body("errors.field", hasItem("trigger.atLeast"));
        }

        @Test
        void anEmptyOrNumericTimeIsRefused() {
            problem(postEvent("{\"id\":\"o1\",\"type\":\"t\",\"userId\":\"u\",\"occurredAt\":\"\"}"), 400)
                    .body("errors.field", hasItem("occurredAt"));
            problem(postEvent("{\"id\":\"o2\",\"type\":\"t\",\"userId\":\"u\",\"occurredAt\":1700000000}"), 400)
                    .body("errors.field", hasItem("occurredAt"));
        }

        @Test
        void trailingGarbageAfterTheDocumentIsRefused() {
            problem(postEvent("{\"id\":\"o3\",\"type\":\"t\",\"userId\":\"u\"} garbage"), 400);
            problem(postEvent("{\"id\":\"o3\",\"type\":\"t\",\"userId\":\"u\"}{}"), 400);
        }

        @Test
        void aContextIpMustBeAnAddressAndAPlatformAShortLabel() {
            problem(acme.request().body(Map.of("id", "o4", "type", "t", "userId", "u",
                    "context", Map.of("ip", "1".repeat(10_000)))).post("/v1/events").then(), 422)
                    .body("errors.field", hasItem("context.ip"));
            problem(acme.request().body(Map.of("id", "o5", "type", "t", "userId", "u",
                    "context", Map.of("platform", "p".repeat(10_000)))).post("/v1/events").then(), 422)
                    .body("errors.field", hasItem("context.platform"));
            for (String ip : List.of("203.0.113.7", "2001:db8::1", "::ffff:192.0.2.1")) {
                acme.event(Map.of("type", "t", "userId", "u", "context", Map.of("ip", ip)));
            }
            for (String ip : List.of("localhost", "example.com", "1.2.3", "01.2.3.4", "256.1.1.1", "g::1", ".::1",
                    "::1%eth0")) {
                problem(acme.request().body(Map.of("id", Api.uniqueId("ip-"), "type", "t", "userId", "u",
                        "context", Map.of("ip", ip))).post("/v1/events").then(), 422)
                        .body("errors.field", hasItem("context.ip"));
            }
        }

        @Test
        void anImageUrlMustBeAProperHttpAddress() {
            problem(postReward("\"name\":\"n\",\"cost\":\"1.00\",\"imageUrl\":\"https://x/\\\"<script>\""), 422)
                    .body("errors.field", hasItem("imageUrl"));
            problem(postReward("\"name\":\"n\",\"cost\":\"1.00\",\"imageUrl\":\"javascript:alert(1)\""), 422)
                    .body("errors.field", hasItem("imageUrl"));
            postReward("\"name\":\"n\",\"cost\":\"1.00\",\"imageUrl\":\"https://img.example.com/a%20b.png?x=1\"")
                    .statusCode(201);
        }

        @Test
        void aNameWithAControlCharacterIsRefused() {
            problem(postReward("\"name\":\"a\\u0007b\",\"cost\":\"1.00\""), 422).body("errors.field", hasItem("name"));
            acme.request().get("/v1/rewards").then().body("items.name", not(hasItem(anyOf(containsString("\u0007")))));
        }
    }
}
