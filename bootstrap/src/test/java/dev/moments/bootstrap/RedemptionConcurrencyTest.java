package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 100 users claim a reward of a pool of 60 codes at the same moment: 60 get one code each, never the same, the 40
 * others see the reward unavailable, and nothing fails on the server's side.
 */
@QuarkusTest
class RedemptionConcurrencyTest {

    private static final int CODES = 60;
    private static final int CLAIMS = 100;

    @Test
    void aHundredConcurrentClaimsOnSixtyCodesHandOutEachCodeOnce() throws Exception {
        Api acme = Api.newPartner();
        String reward = Claims.reward(acme, "DIGITAL_CODE", "3.00", "codes", List.of());
        List<String> codes = IntStream.range(0, CODES).mapToObj(i -> "CODE-" + i).toList();
        acme.request().body(Map.of("codes", codes)).post("/v1/rewards/" + reward + "/codes").then().statusCode(200);
        String moment = Claims.moment(acme, "1000.00", reward);
        List<Claims.Award> awards = IntStream.range(0, CLAIMS)
                .mapToObj(i -> Claims.award(acme, moment, "u-" + i)).toList();

        ExecutorService pool = Executors.newFixedThreadPool(CLAIMS);
        List<Response> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Response>> calls = new ArrayList<>();
            for (Claims.Award award : awards) {
                calls.add(() -> {
                    start.await();
                    return Claims.claim(award.token(), reward).extract().response();
                });
            }
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).extracting(Response::statusCode).allMatch(status -> status < 500);
        List<Response> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
        List<Response> lost = answers.stream().filter(a -> a.statusCode() == 409).toList();
        assertThat(won).hasSize(CODES);
        assertThat(lost).hasSize(CLAIMS - CODES);
        Set<String> handedOut = new HashSet<>();
        for (Response answer : won) {
            assertThat(answer.jsonPath().getString("status")).isEqualTo("FULFILLED");
            handedOut.add(answer.jsonPath().getString("code"));
        }
        assertThat(handedOut).hasSize(CODES).containsExactlyInAnyOrderElementsOf(codes);
        for (Response answer : lost) {
            assertThat(answer.jsonPath().getString("type")).endsWith("reward-unavailable");
            assertThat(answer.jsonPath().getString("reason")).isEqualTo("OUT_OF_CODES");
        }

        acme.request().get("/v1/rewards/" + reward).then().statusCode(200)
                .body("codesAvailable", org.hamcrest.Matchers.equalTo(0));
        acme.moment(moment)
                .body("budgetState.spent", org.hamcrest.Matchers.equalTo("180.00"))
                .body("budgetState.reserved", org.hamcrest.Matchers.equalTo("400.00"));
        Ledgers.assertBalanced(acme, moment);
        long fulfilled = awards.stream().filter(award -> "FULFILLED".equals(acme.request()
                .get("/v1/awards/" + award.id()).then().statusCode(200).extract().path("status"))).count();
        assertThat(fulfilled).isEqualTo(CODES);
    }
}
