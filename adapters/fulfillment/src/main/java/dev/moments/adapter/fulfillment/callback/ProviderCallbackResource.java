package dev.moments.adapter.fulfillment.callback;

import dev.moments.adapter.fulfillment.callback.CallbackJson.Callback;
import dev.moments.adapter.fulfillment.callback.CallbackJson.InvalidCallbackException;
import dev.moments.adapter.fulfillment.callback.CallbackSignature.Verdict;
import dev.moments.adapter.fulfillment.http.HttpProviderConfig;
import dev.moments.adapter.fulfillment.http.ProviderJson;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Report;
import dev.moments.application.port.in.ReportFulfillmentUseCase.Result;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Receives the external provider's status callbacks ({@code POST /callbacks/providers/http}). A callback is believed
 * only with a valid, fresh signature ({@link CallbackSignature}); then it is reported to the application as the
 * provider's word on the award's delivery. Every accepted callback is answered 200 — also a duplicate or a late one
 * that changed nothing — so the provider stops sending it.
 *
 * <p>{@code @PermitAll} for Quarkus security: the provider holds no API key, the signature is its credential, checked
 * here (a missing or wrong one is answered 401 by this class, not by the bearer mechanism).
 */
@PermitAll
@Path("/callbacks/providers/http")
public class ProviderCallbackResource {

    /** The reason recorded when a provider reports a failure without saying why. */
    static final String NO_REASON = "the http provider reported the order FAILED without a reason";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final int MAX_AWARD_ID_LENGTH = 200;
    private static final Logger LOG = Logger.getLogger(ProviderCallbackResource.class);

    private final HttpProviderConfig config;
    private final ReportFulfillmentUseCase reports;
    private final Clock clock;

    @Inject
    public ProviderCallbackResource(HttpProviderConfig config, ReportFulfillmentUseCase reports) {
        this(config, reports, Clock.systemUTC());
    }

    ProviderCallbackResource(HttpProviderConfig config, ReportFulfillmentUseCase reports, Clock clock) {
        this.config = config;
        this.reports = reports;
        this.clock = clock;
    }

    @POST
    public Response receive(@HeaderParam(CallbackSignature.HEADER) String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        String secret = config.callbackSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            LOG.warn("Refused a callback of the http provider: moments.providers.http.callback-secret is not set");
            return problem(401, "unauthorized", "Unauthorized", "callbacks are not accepted: no callback secret is"
                    + " configured");
        }
        Verdict verdict = CallbackSignature.verify(signature, raw, secret.getBytes(StandardCharsets.UTF_8),
                clock.instant(), config.callbackTolerance());
        if (verdict != Verdict.VALID) {
            LOG.warnf("Refused a callback of the http provider: %s", verdict.explanation());
            return problem(401, "unauthorized", "Unauthorized", verdict.explanation());
        }
        Callback callback;
        try {
            callback = CallbackJson.callback(raw);
        } catch (InvalidCallbackException e) {
            return problem(400, "invalid-callback", "Invalid callback", e.getMessage());
        }
        if (callback.externalId().length() > MAX_AWARD_ID_LENGTH) {
            return problem(400, "invalid-callback", "Invalid callback", "externalId is not an award id");
        }
        String reason = callback.reason();
        if (callback.status() == FulfillmentStatus.FAILED && reason == null) {
            reason = NO_REASON;
        }
        Report report = new Report(new AwardId(callback.externalId()), null, callback.status(), callback.orderId(),
                callback.code(), reason == null ? null : ProviderJson.shorten(reason));
        Result result;
        try {
            result = reports.report(report);
        } catch (NotFoundException e) {
            LOG.warnf("A callback of the http provider names an unknown award %s", callback.externalId());
            return problem(404, "not-found", "Not Found", "award " + callback.externalId() + " not found");
        }
        LOG.infof("Callback of the http provider: award %s order %s %s -> %s", callback.externalId(),
                callback.orderId(), callback.status(), result);
        return Response.ok(CallbackJson.accepted(result.name()), "application/json").build();
    }

    private static Response problem(int status, String code, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON)
                .entity(CallbackJson.problem(status, code, title, detail)).build();
    }
}
