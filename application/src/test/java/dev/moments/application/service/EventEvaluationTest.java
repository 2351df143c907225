package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.port.out.UserProgress;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a unit of work reads and writes, and in which order, seen through ports that record it: the users' progress
 * locked at once before anything is evaluated (nothing locked by a dry run), their attributes read at once, and the
 * rows written in key order, so two units touching the same keys wait for each other in one order.
 */
class EventEvaluationTest {

    private final InMemoryMoments app = new InMemoryMoments();
    private final RecordingProgress progress = new RecordingProgress(app.progressRepository);
    private final RecordingProfiles profiles = new RecordingProfiles(app.profileRepository);
    private final RecordingEvents events = new RecordingEvents(app.eventLog);
    private final RecordEventService service = new RecordEventService(events,
            new EventEvaluations(events, progress, profiles, app.evaluations.listening(),
                    app.evaluations.expressions(), app.evaluations.awarding(), app.evaluations.eligibility(),
                    app.evaluations.lateness()),
            new EventReplays(app.momentRepository, app.awardRepository, app.sealer), app.clock, app.transactions,
            Metrics.NONE);
    private PartnerId partner;

    @BeforeEach
    void givenAPartner() {
        partner = partner("Acme");
    }

    private PartnerId partner(String name) {
        return app.partners.create(new CreatePartnerCommand(name, "USD")).partner().id();
    }

    /** A live moment of {@code owner} that five watches complete: no event here pays anything. */
    private MomentId live(PartnerId owner) {
        String reward = app.rewards.create(new CreateRewardCommand(owner, "Credit", "CREDIT", "5.00", "USD", Set.of(),
                "sandbox", null, null)).id().value();
        Trigger fiveWatches = new CountTrigger(new Match("video.watched", null), 5, null);
        MomentId id = app.moments.create(new CreateMomentCommand(owner, "m", fiveWatches, null, null, null, null,
                new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"), List.of(reward), null, null,
                null)).moment().id();
        app.moments.change(owner, id, LifecycleAction.LAUNCH);
        return id;
    }

    private RecordEventCommand watch(PartnerId owner, String eventId, String user) {
        return new RecordEventCommand(owner, eventId, "video.watched", user, null, null, Map.of(), null, null);
    }

    private static ProgressRepository.Key key(MomentId moment, String user) {
        return new ProgressRepository.Key(moment, user);
    }

    @Test
    void anEventLocksItsUsersProgressBeforeItIsEvaluated_andReadsTheirAttributesOnce() {
        MomentId moment = live(partner);

        service.record(watch(partner, "e-1", "u-1"));

        assertThat(progress.lockedAll).containsExactly(List.of(key(moment, "u-1")));
        assertThat(progress.lockedOneByOne).isEmpty();
        assertThat(profiles.readAll).containsExactly(Set.of("u-1"));
        assertThat(profiles.readOneByOne).as("a user without attributes is not read again").isEmpty();
    }

    @Test
    void aBatchLocksTheProgressOfItsNewEventsAtOnce_notOfThoseRecordedBefore() {
        MomentId moment = live(partner);
        service.record(watch(partner, "e-0", "u-0"));
        progress.lockedAll.clear();

        List<BatchItem> items = service.recordAll(List.of(watch(partner, "e-1", "u-1"), watch(partner, "e-0", "u-0"),
                watch(partner, "e-2", "u-2")));

        assertThat(items.get(1).result().duplicate()).isTrue();
        assertThat(progress.lockedAll).singleElement().asList()
                .containsExactlyInAnyOrder(key(moment, "u-1"), key(moment, "u-2"));
        assertThat(progress.lockedOneByOne).isEmpty();
    }

    @Test
    void aDryRunLocksNothing() {
        MomentId moment = live(partner);

        service.dryRun(watch(partner, "e-1", "u-1"));

        assertThat(progress.lockedAll).isEmpty();
        assertThat(progress.lockedOneByOne).isEmpty();
        assertThat(progress.found).containsExactly(key(moment, "u-1"));
    }

    @Test
    void aUnitInsertsNewProgressInMomentThenUserOrder_andItsEventsInPartnerThenIdOrder() {
        PartnerId other = partner("Other");
        MomentId first = live(partner);
        MomentId second = live(partner);
        live(other);

        service.recordAll(List.of(watch(other, "e-2", "u-2"), watch(partner, "e-3", "u-2"),
                watch(partner, "e-1", "u-1")));

        assertThat(progress.inserted.stream().filter(p -> p.partnerId().equals(partner))
                .map(p -> key(p.momentId(), p.userId())))
                .containsExactly(key(first, "u-1"), key(first, "u-2"), key(second, "u-1"), key(second, "u-2"));
        assertThat(events.inserted).extracting(e -> e.partnerId().value() + "/" + e.eventId())
                .containsExactly(partner.value() + "/e-1", partner.value() + "/e-3", other.value() + "/e-2");
    }

    @Test
    void whenAUnitBreaksAndThenTheStoreGoesAway_theEventsLeftFailWithTheOutage_withoutTryingAnyMore() {
        live(partner);
        StoreUnavailableException outage = new StoreUnavailableException("no connection", null);
        progress.beforeLockAll.add(keys -> {
            throw new IllegalStateException("the unit broke");
        });
        // the first event recorded alone goes through; the database is gone for any unit after it
        progress.beforeLockAll.add(keys -> app.transactions.failEveryUnitWith(outage));
        List<RecordEventCommand> batch = IntStream.rangeClosed(1, RecordEventService.UNIT_OF_WORK + 1)
                .mapToObj(i -> watch(partner, "e-" + i, "u-" + i)).toList();
        int before = app.transactions.units();

        List<BatchItem> items = service.recordAll(batch);

        assertThat(items.get(0).failure()).isNull();
        assertThat(items.subList(1, items.size())).allSatisfy(item -> assertThat(item.failure()).isSameAs(outage));
        assertThat(app.transactions.units() - before).as("the unit, the first event alone, the second's attempt")
                .isEqualTo(3);
    }

    /** Progress as stored, and what a unit locked, read and inserted. */
    private static final class RecordingProgress implements ProgressRepository {

        private final ProgressRepository delegate;
        final List<List<Key>> lockedAll = new ArrayList<>();
        final List<Key> lockedOneByOne = new ArrayList<>();
        final List<Key> found = new ArrayList<>();
        final List<UserProgress> inserted = new ArrayList<>();
        /** What happens at the next calls of lockAll, one each. */
        final List<Consumer<Collection<Key>>> beforeLockAll = new ArrayList<>();

        RecordingProgress(ProgressRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<Key, UserProgress> lockAll(Collection<Key> keys) {
            if (!beforeLockAll.isEmpty()) {
                beforeLockAll.remove(0).accept(keys);
            }
            lockedAll.add(List.copyOf(keys));
            return delegate.lockAll(keys);
        }

        @Override
        public Optional<UserProgress> lock(MomentId momentId, String userId) {
            lockedOneByOne.add(new Key(momentId, userId));
            return delegate.lock(momentId, userId);
        }

        @Override
        public Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId) {
            found.add(new Key(momentId, userId));
            return delegate.find(partnerId, momentId, userId);
        }

        @Override
        public void insert(UserProgress progress) {
            inserted.add(progress);
            delegate.insert(progress);
        }

        @Override
        public void update(UserProgress progress) {
            delegate.update(progress);
        }

        @Override
        public void restartAll(MomentId momentId, Trigger trigger) {
            delegate.restartAll(momentId, trigger);
        }

        @Override
        public void recordCompletions(List<Completion> completions) {
            delegate.recordCompletions(completions);
        }
    }

    /**
     * Users' attributes, and which were read at once or one by one; a read of several leaves out the users without
     * attributes, as the PostgreSQL store does.
     */
    private static final class RecordingProfiles implements UserProfileRepository {

        private final UserProfileRepository delegate;
        final List<Set<String>> readAll = new ArrayList<>();
        final List<String> readOneByOne = new ArrayList<>();

        RecordingProfiles(UserProfileRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, Map<String, Object>> findAll(PartnerId partnerId, Collection<String> userIds) {
            readAll.add(Set.copyOf(userIds));
            Map<String, Map<String, Object>> found = new HashMap<>(delegate.findAll(partnerId, userIds));
            found.values().removeIf(Map::isEmpty);
            return found;
        }

        @Override
        public Map<String, Object> find(PartnerId partnerId, String userId) {
            readOneByOne.add(userId);
            return delegate.find(partnerId, userId);
        }

        @Override
        public void save(PartnerId partnerId, String userId, Map<String, Object> attributes, Instant at) {
            delegate.save(partnerId, userId, attributes, at);
        }

        @Override
        public Map<String, Referral> referrals(PartnerId partnerId, Collection<String> userIds) {
            return delegate.referrals(partnerId, userIds);
        }

        @Override
        public void refer(PartnerId partnerId, List<Referral> referrals) {
            delegate.refer(partnerId, referrals);
        }

        @Override
        public void seenOn(PartnerId partnerId, List<UserDevice> seen) {
            delegate.seenOn(partnerId, seen);
        }

        @Override
        public boolean shareDevice(PartnerId partnerId, String userId, String otherUserId) {
            return delegate.shareDevice(partnerId, userId, otherUserId);
        }

        @Override
        public List<String> usersWithEmail(PartnerId partnerId, String emailKey, int limit) {
            return delegate.usersWithEmail(partnerId, emailKey, limit);
        }
    }

    /** The event log, and the events inserted, in order. */
    private static final class RecordingEvents implements EventLog {

        private final EventLog delegate;
        final List<RecordedEvent> inserted = new ArrayList<>();

        RecordingEvents(EventLog delegate) {
            this.delegate = delegate;
        }

        @Override
        public void insert(RecordedEvent event) {
            inserted.add(event);
            delegate.insert(event);
        }

        @Override
        public Optional<RecordedEvent> find(PartnerId partnerId, String eventId) {
            return delegate.find(partnerId, eventId);
        }
    }
}
