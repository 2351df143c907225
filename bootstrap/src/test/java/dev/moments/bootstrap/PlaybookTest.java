package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/playbook.md as written: every {@code bash} block of the page, in order, with only the service's URL and admin
 * token changed, against the service and PostgreSQL; the calls work and answer what the page says. Needs {@code bash},
 * {@code curl} and {@code jq}, as the page does.
 */
@QuarkusTest
class PlaybookTest {

    @TestHTTPResource("/")
    URL app;

    @Test
    void everyCallOfThePlaybookPage_runsAsWritten_eachScenarioPaidOnce_andPointsAndBadgesEarned() throws Exception {
        List<String> blocks = DocumentedScripts.bashBlocks(Files.readString(Documentation.file("docs/playbook.md")));
        assertThat(blocks).as("the page's bash blocks").hasSizeGreaterThanOrEqualTo(10);
        String url = app.toString().replaceAll("/$", "");
        String script = "set -euo pipefail\n" + String.join("\n", blocks)
                .replace("URL=http://localhost:8080", "URL=" + url)
                .replace("ADMIN=dev-admin-token-change-me", "ADMIN=" + Api.ADMIN_TOKEN);
        assertThat(script).as("the URL and the token replaced").doesNotContain("localhost:8080", "change-me");

        List<String> lines = DocumentedScripts.run(script, Path.of("target", "playbook.log"), Duration.ofMinutes(3))
                .lines().toList();

        assertThat(lines).as("no call refused").noneMatch(line -> line.contains("/problems/"));
        assertThat(lines).as("the seven moments launched")
                .filteredOn(line -> line.endsWith("\"status\":\"LIVE\"}")).hasSize(7);
        assertThat(lines).as("the subscription's daily cap").contains("{\"currency\":\"USD\",\"total\":\"1000.00\","
                + "\"dailyCap\":\"100.00\",\"costPerAction\":\"10.00\"}");
        assertThat(lines).as("the e-mail set on the paused moment").contains("\"Your reward: {{reward}}\"");
        assertThat(lines).as("one order of two").contains("{\"name\":\"progress\",\"current\":1,\"target\":2}");
        assertThat(lines).as("each scenario paid once, at its price").contains(
                "{\"name\":\"Complete the tutorial\",\"reserved\":\"5.00\"}",
                "{\"name\":\"Reach level 10\",\"reserved\":\"5.00\"}",
                "{\"name\":\"First purchase over $4.99\",\"reserved\":\"5.00\"}",
                "{\"name\":\"Subscribe for 3 months\",\"reserved\":\"10.00\"}",
                "{\"name\":\"Second order within 45 days\",\"reserved\":\"5.00\"}",
                "{\"name\":\"7 days active in a row\",\"reserved\":\"5.00\"}",
                "{\"name\":\"Subscribe and listen to 5 episodes\",\"reserved\":\"5.00\"}");
        assertThat(lines).as("the first share paid, the second account on that phone refused")
                .containsSubsequence("{\"awards\":[\"EARNED\"]}", "{\"awards\":[]}");
        assertThat(lines.stream().filter(line -> line.startsWith("[") && line.contains("LIMIT_PER_DEVICE")))
                .as("the refusal explained").hasSize(1);

        JsonPath report = JsonPath.from(lines.stream().filter(line -> line.startsWith("{\"completions\""))
                .findFirst().orElseThrow());
        assertThat(report.getInt("completions")).isEqualTo(40);
        assertThat(report.getInt("arms")).isEqualTo(40);
        int treatment = 40 - report.getInt("control");
        assertThat(report.getInt("awards")).as("only the users who could be paid were").isEqualTo(treatment);
        assertThat(report.getString("reserved")).isEqualTo(treatment * 5 + ".00");
        assertThat(report.getString("spend")).isEqualTo("0.00");

        JsonPath variants = JsonPath.from(lines.stream().filter(line -> line.startsWith("{\"variants\""))
                .findFirst().orElseThrow());
        assertThat(variants.getList("variants.name")).containsExactly("three", "five");
        assertThat(variants.getInt("variants[0].users") + variants.getInt("variants[1].users"))
                .as("the treatment arm split between the variants").isEqualTo(variants.getInt("treatmentUsers"));
        assertThat(lines).as("the referrer and the friend paid for the friend's order").containsSubsequence(
                "{\"referral\":[{\"userId\":\"u-ann\",\"referee\":\"u-hal\"},"
                        + "{\"userId\":\"u-hal\",\"referee\":\"u-hal\"}]}",
                "{\"referralsPaid\":1,\"perUser\":5}");
        assertThat(lines).as("points for each episode, the badge with the third").containsSubsequence(
                "{\"points\":[10],\"badges\":[]}", "{\"points\":[10],\"badges\":[]}",
                "{\"points\":[10],\"badges\":[\"Binge listener\"]}", "{\"spent\":-25,\"balance\":5}",
                "[\"Binge listener\"]");
    }
}
