package dev.moments.application.service;

import dev.moments.application.port.RecordedResponse;
import dev.moments.application.port.in.ExpireIdempotencyKeysUseCase;
import dev.moments.application.port.in.IdempotencyKeyReusedException;
import dev.moments.application.port.in.IdempotentReplayUnavailableException;
import dev.moments.application.port.in.IdempotentRequestUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdempotencyKeys;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs creating requests once per idempotency key: the key is claimed in the transaction of the creation itself, so
 * the creation and the response kept under the key commit together or not at all, and a concurrent request with the
 * key waits for that transaction, then replays its response.
 *
 * <p>Responses are kept sealed by the {@link TokenSealer}: they hold what must not lie in the database in clear (the
 * API key of a new partner, the redemption link of an award).
 */
public final class IdempotencyService implements IdempotentRequestUseCase, ExpireIdempotencyKeysUseCase {

    private final IdempotencyKeys keys;
    private final TokenSealer sealer;
    private final Clock clock;
    private final Duration retention;
    private final Transactions transactions;

    /**
     * @param retention how long a key is kept at least; a later request with it is a new request
     */
    public IdempotencyService(IdempotencyKeys keys, TokenSealer sealer, Clock clock, Duration retention,
                              TransactionRunner transactions) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the retention of idempotency keys must be positive, got " + retention);
        }
        this.keys = keys;
        this.sealer = sealer;
        this.clock = clock;
        this.retention = retention;
        this.transactions = new Transactions(transactions);
    }

    /** A response that is not kept (4xx, 5xx): thrown to roll the key back, then answered as it is. */
    private static final class NotKept extends RuntimeException {

        private final transient RecordedResponse response;

        NotKept(RecordedResponse response) {
            super(null, null, false, false);
            this.response = response;
        }
    }

    @Override
    public Outcome handle(IdempotentRequest request, Supplier<RecordedResponse> creation) {
        Objects.requireNonNull(creation, "creation");
        try {
            return transactions.run(() -> {
                Optional<IdempotencyKeys.Used> used = keys.claim(request.scope(), request.key(),
                        request.fingerprint(), clock.now());
                if (used.isPresent()) {
                    return replay(request, used.get());
                }
                RecordedResponse response = creation.get(); // joins this transaction
                if (!response.isSuccess()) {
                    throw new NotKept(response);
                }
                keys.complete(request.scope(), request.key(), sealed(response));
                return new Outcome(response, false);
            });
        } catch (NotKept failed) {
            return new Outcome(failed.response, false);
        }
    }

    @Override
    public int forgetExpired(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        return transactions.run(() -> keys.forgetClaimedBefore(clock.now().minus(retention), batchSize));
    }

    private Outcome replay(IdempotentRequest request, IdempotencyKeys.Used used) {
        if (!used.fingerprint().equals(request.fingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return new Outcome(unsealed(used.response()), true);
    }

    /** The response with its body sealed: base64 first, so any bytes come back exactly. */
    private RecordedResponse sealed(RecordedResponse response) {
        String sealed = sealer.seal(Base64.getEncoder().encodeToString(response.body()));
        return new RecordedResponse(response.status(), response.contentType(),
                sealed.getBytes(StandardCharsets.UTF_8), response.location());
    }

    private RecordedResponse unsealed(RecordedResponse stored) {
        byte[] body = sealer.unseal(new String(stored.body(), StandardCharsets.UTF_8))
                .map(Base64.getDecoder()::decode)
                .orElseThrow(IdempotentReplayUnavailableException::new);
        return new RecordedResponse(stored.status(), stored.contentType(), body, stored.location());
    }
}
