package dev.moments.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through with curl, run as written (every {@code bash} block of the section, in order, with only
 * the service's URL changed) against the packaged jar, which Quarkus starts for this test
 * ({@code @QuarkusIntegrationTest}): the commands a newcomer copies work, and say what the README says they say.
 * Needs {@code bash}, {@code curl} and {@code jq}, as the walk-through does.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ReadmeWalkthroughIT.Settings.class, restrictToAnnotatedClass = true)
class ReadmeWalkthroughIT {

    /**
     * The settings of the packaged service under test: the README's admin token, a schema of its own, and RabbitMQ
     * queues and exchanges of its own. Quarkus keeps this service running until the last integration test of the run
     * is done, so it must not consume the queue {@code moments.events} that {@code MessagingIT}'s services use.
     */
    public static class Settings implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String prefix = "moments.walkthrough";
            String schema = System.getProperty("it.schema-prefix", "moments_test") + "_walkthrough";
            return Map.ofEntries(Map.entry("moments.admin-token", "dev-admin-token-change-me"),
                    Map.entry("moments.schema", schema),
                    Map.entry("quarkus.flyway.clean-disabled", "false"),
                    Map.entry("quarkus.flyway.clean-at-start", "true"),
                    Map.entry("mp.messaging.incoming.events.exchange.name", prefix + ".events"),
                    Map.entry("mp.messaging.incoming.events.queue.name", prefix + ".events"),
                    Map.entry("mp.messaging.incoming.events.dead-letter-exchange", prefix + ".events.dlx"),
                    Map.entry("mp.messaging.incoming.events.dead-letter-routing-key", prefix + ".events.dlq"),
                    Map.entry("mp.messaging.incoming.events.dead-letter-queue-name", prefix + ".events.dlq"),
                    Map.entry("mp.messaging.outgoing.events-dead-letters.exchange.name", prefix + ".events.dlx"),
                    Map.entry("mp.messaging.outgoing.events-dead-letters.default-routing-key", prefix + ".events.dlq"),
                    Map.entry("mp.messaging.outgoing.domain-events.exchange.name", prefix + ".domain-events"));
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void theWalkThroughOfTheReadmeWorksAsWritten() throws Exception {
        String readme = Files.readString(Documentation.file("README.md"));
        String section = readme.substring(readme.indexOf("## A walk-through with curl"),
                readme.indexOf("## How it is built"));
        List<String> blocks = DocumentedScripts.bashBlocks(section);
        assertThat(blocks).as("the walk-through's bash blocks").hasSizeGreaterThanOrEqualTo(4);
        String script = "set -euo pipefail\n" + String.join("\n", blocks)
                .replace("URL=http://localhost:8080", "URL=" + url());
        assertThat(script).as("the service's URL replaced").doesNotContain("localhost:8080");

        String output = DocumentedScripts.run(script, Path.of("target", "readme-walkthrough.log"),
                Duration.ofMinutes(2));

        assertThat(output).as("step 4: launched").contains("\"status\": \"LIVE\"");
        assertThat(output).as("step 7: the same event again").contains("\"duplicate\": true");
        assertThat(output).as("step 8: a $10 order").containsPattern("\"awards\": \\[\\]");
        assertThat(output).as("the top-up sent twice").containsIgnoringCase("idempotent-replayed: true");
        assertThat(output.lines().filter("\"150.00\""::equals)).as("the total after either answer of the top-up")
                .hasSize(2);
        assertThat(output).as("the paused moment edited").contains("\"PAUSED\"", "\"costPerAction\": \"8.00\"");
        assertThat(output).as("step 10: the claim").contains("\"status\": \"FULFILLED\"");
        assertThat(output).as("no problem answered").doesNotContain("/problems/");
    }

    private static String url() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
