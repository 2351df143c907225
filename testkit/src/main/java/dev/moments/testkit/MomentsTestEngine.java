package dev.moments.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.json.StrictJson;
import dev.moments.adapter.rules.CelExpressionCompiler;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.CreatePartnerCommand;
import java.time.Instant;

/**
 * Moments in memory, for a test: the core the service runs (the same trigger evaluation, budgets, limits, awards and
 * claims), the same CEL for {@code where} conditions and revenue values, and request bodies read and refused as the
 * HTTP API reads and refuses them. No server, no database, no threads: each call is done when it returns.
 *
 * <pre>{@code
 * MomentsTestEngine engine = MomentsTestEngine.create();
 * TestPartner acme = engine.partner("Acme", "USD");
 * String reward = acme.createReward("""
 *         {"name": "$5 credit", "kind": "CREDIT", "cost": "5.00", "currency": "USD",
 *          "fulfillment": {"provider": "sandbox"}}""");
 * }</pre>
 *
 * <p>Time is the engine's {@link #clock()}: it stands still at {@link #START} until the test moves it. Ids are
 * sequential, so a test's output reads the same every run. One engine is one isolated Moments; it is not meant to be
 * shared between threads.
 */
public final class MomentsTestEngine {

    /** Where the clock of {@link #create()} starts: 2026-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final InMemoryMoments core;
    private final ObjectMapper json = StrictJson.mapper();
    private final TestClock clock;

    private MomentsTestEngine(Instant start) {
        this.core = new InMemoryMoments(new CelExpressionCompiler());
        core.clock.set(start);
        this.clock = new TestClock(core);
    }

    /** A new, empty engine with its clock at {@link #START} (UTC). */
    public static MomentsTestEngine create() {
        return new MomentsTestEngine(START);
    }

    /** A new, empty engine with its clock at {@code start}. */
    public static MomentsTestEngine startingAt(Instant start) {
        return new MomentsTestEngine(start);
    }

    /**
     * A new partner, as an operator creates one ({@code POST /admin/v1/partners}).
     *
     * @param currency the ISO 4217 code every price and budget of the partner is in, e.g. {@code "USD"}
     * @throws ProblemException for a name or currency the API refuses
     */
    public TestPartner partner(String name, String currency) {
        return Refusals.translated(() -> new TestPartner(core, json,
                core.partners.create(new CreatePartnerCommand(name, currency)).partner()));
    }

    /** The engine's clock: every event without {@code occurredAt}, every award and every expiry reads it. */
    public TestClock clock() {
        return clock;
    }
}
