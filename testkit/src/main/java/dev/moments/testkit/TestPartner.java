package dev.moments.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.json.Commands;
import dev.moments.adapter.rest.json.MomentRequests;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.json.StrictJson;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;

/**
 * One partner of a {@link MomentsTestEngine}, calling the core as its API key would: every JSON body is the body of
 * the HTTP operation named on the method, read as strictly, and every refusal is the {@link ProblemException} the API
 * answers with. Ids are the ids the API returns, and another partner's id is not found (404), as over HTTP.
 */
public final class TestPartner {

    private final InMemoryMoments core;
    private final ObjectMapper json;
    private final PartnerId id;
    private final String name;
    private final String currency;

    TestPartner(InMemoryMoments core, ObjectMapper json, Partner partner) {
        this.core = core;
        this.json = json;
        this.id = partner.id();
        this.name = partner.name();
        this.currency = partner.currency().getCurrencyCode();
    }

    /** The partner's id. */
    public String id() {
        return id.value();
    }

    /** The partner's name. */
    public String name() {
        return name;
    }

    /** The ISO 4217 code of the partner's money. */
    public String currency() {
        return currency;
    }

    /**
     * Adds a reward to the catalog: the body of {@code POST /v1/rewards}.
     *
     * @return the reward's id
     * @throws ProblemException as the API refuses the body (400 unreadable, 422 invalid)
     */
    public String createReward(String body) {
        return Refusals.translated(() -> core.rewards.create(
                Commands.reward(id, read(body, Requests.CreateReward.class))).id().value());
    }

    /**
     * Defines a moment, a DRAFT until launched: the body of {@code POST /v1/moments}, with the rewards by the ids
     * {@link #createReward} returned.
     *
     * @return the moment's id
     * @throws ProblemException as the API refuses the body (e.g. 422 naming {@code trigger.where})
     */
    public String createMoment(String body) {
        return Refusals.translated(() -> core.moments.create(
                MomentRequests.toCommand(id, read(body, Requests.CreateMoment.class))).moment().id().value());
    }

    /** {@code POST /v1/moments/{id}/launch}: a DRAFT or TEST moment goes LIVE. Returns the new status. */
    public String launch(String momentId) {
        return change(momentId, LifecycleAction.LAUNCH);
    }

    /** {@code POST /v1/moments/{id}/test}: a DRAFT moment awards test users only, and charges nothing. */
    public String test(String momentId) {
        return change(momentId, LifecycleAction.TEST);
    }

    /** {@code POST /v1/moments/{id}/pause}: a LIVE moment stops counting and awarding. */
    public String pause(String momentId) {
        return change(momentId, LifecycleAction.PAUSE);
    }

    /** {@code POST /v1/moments/{id}/resume}: a PAUSED moment goes LIVE again. */
    public String resume(String momentId) {
        return change(momentId, LifecycleAction.RESUME);
    }

    /** {@code POST /v1/moments/{id}/finish}: the moment ends for good; its remaining budget is free again. */
    public String finish(String momentId) {
        return change(momentId, LifecycleAction.FINISH);
    }

    /**
     * {@code POST /v1/moments/{id}/budget/top-up}: adds {@code amount}, a decimal string in the partner's currency
     * such as {@code "50.00"}, to the moment's budget.
     *
     * @return the budget after the top-up
     */
    public TestBudget topUp(String momentId, String amount) {
        return Refusals.translated(() -> TestBudget.of(core.moments.topUp(id, new MomentId(momentId), amount)));
    }

    /** The moment's budget now: what {@code GET /v1/moments/{id}} shows as {@code budget} and {@code budgetState}. */
    public TestBudget budget(String momentId) {
        return Refusals.translated(() -> TestBudget.of(core.moments.get(id, new MomentId(momentId))));
    }

    /** The moment's status now: DRAFT, TEST, LIVE, PAUSED, EXHAUSTED or FINISHED. */
    public String status(String momentId) {
        return Refusals.translated(() -> core.moments.get(id, new MomentId(momentId)).moment().status().name());
    }

    /**
     * Records an event: the body of {@code POST /v1/events}. The same id and body again is a duplicate that replays
     * the first result; the same id with another body is a 409 {@code event-id-conflict}.
     *
     * @return what the event did: awards earned, progress on each moment it counted for, holdouts
     */
    public EventResult send(String body) {
        return Refusals.translated(() -> EventResult.of(core.events.record(
                Commands.event(id, read(body, Requests.Event.class)))));
    }

    /**
     * Claims a reward of an award, as the user's redemption page does ({@code POST /api/redeem/{token}/claim} with
     * {@code {"rewardId": …}}).
     *
     * @return the award's status after the claim: CLAIMED, FULFILLING or FULFILLED
     * @throws ProblemException e.g. 409 {@code already-claimed}, 410 {@code expired}, 422 for a reward not offered
     */
    public String claim(String redeemToken, String rewardId) {
        return claimed(redeemToken, new Requests.Claim(rewardId, null, null));
    }

    /**
     * Claims with the whole body of {@code POST /api/redeem/{token}/claim}: the reward, a shipping address for a
     * physical reward, the user's e-mail.
     *
     * @return the award's status after the claim
     */
    public String claimWithBody(String redeemToken, String body) {
        return Refusals.translated(() -> claimed(redeemToken, read(body, Requests.Claim.class)));
    }

    /** One award as {@code GET /v1/awards/{id}} shows it now. */
    public TestAward award(String awardId) {
        return Refusals.translated(() -> TestAward.of(core.awards.get(id, new AwardId(awardId))));
    }

    /**
     * {@code GET /v1/users/{userId}/moments/{momentId}}: how far the user got and why the user is not (yet) rewarded.
     */
    public Explanation explain(String userId, String momentId) {
        return Refusals.translated(() -> Explanation.of(core.explain.explain(id, userId, new MomentId(momentId))));
    }

    private String change(String momentId, LifecycleAction action) {
        return Refusals.translated(() -> {
            MomentView view = core.moments.change(id, new MomentId(momentId), action);
            return view.moment().status().name();
        });
    }

    private String claimed(String redeemToken, Requests.Claim body) {
        return Refusals.translated(() -> core.redemption.claim(redeemToken, Commands.claim(body)).status().name());
    }

    private <T> T read(String body, Class<T> type) throws Exception {
        return StrictJson.readBody(json, body, type);
    }
}
