package dev.moments.application.service;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.FixedClock;
import dev.moments.application.fixtures.InMemoryMomentRepository;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.EventTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The index of the moments listening to each event type: by id, kept a while, refreshed by a change or with age. */
class ListeningMomentsTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final PartnerId PARTNER = Fixtures.PARTNER;

    private final FixedClock clock = new FixedClock();
    private final Store store = new Store(new InMemoryMomentRepository());
    private final ListeningMoments listening = new ListeningMoments(store, clock, MAX_AGE);

    private static Moment live(String id, String eventType) {
        return aMoment().id(id).trigger(new EventTrigger(eventType, null)).status(MomentStatus.LIVE).build();
    }

    private List<String> ids(String eventType) {
        return listening.listening(PARTNER, eventType).stream().map(moment -> moment.id().value()).toList();
    }

    @Test
    void theMomentsListeningToATypeComeInIdOrder_whateverOrderTheStoreGivesThem() {
        store.insert(live("mom_a", "order.completed"));
        store.insert(live("mom_c", "order.completed"));
        store.insert(live("mom_b", "order.completed"));
        store.insert(live("mom_x", "app.opened"));

        assertThat(ids("order.completed")).containsExactly("mom_a", "mom_b", "mom_c");
        assertThat(ids("app.opened")).containsExactly("mom_x");
        assertThat(ids("nothing.listens")).isEmpty();
    }

    @Test
    void theListingCannotBeChangedByItsReader() {
        store.insert(live("mom_a", "order.completed"));

        List<Moment> listed = listening.listening(PARTNER, "order.completed");

        assertThatThrownBy(() -> listed.add(live("mom_b", "order.completed")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangeMadeElsewhereIsSeenOnceTheEntryIsOlderThanMaxAge() {
        store.insert(live("mom_a", "order.completed"));
        assertThat(ids("order.completed")).containsExactly("mom_a");

        store.insert(live("mom_b", "order.completed")); // by another instance
        clock.advance(MAX_AGE);
        assertThat(ids("order.completed")).as("not older than max age yet").containsExactly("mom_a");
        clock.advance(Duration.ofMillis(1));
        assertThat(ids("order.completed")).containsExactly("mom_a", "mom_b");
    }

    @Test
    void aChangeMadeHereIsSeenAtOnce() {
        ids("order.completed");
        store.insert(live("mom_a", "order.completed"));

        listening.changed(PARTNER);

        assertThat(ids("order.completed")).containsExactly("mom_a");
    }

    @Test
    void whenAReloadFails_theNextCallerTriesAgain() {
        store.insert(live("mom_a", "order.completed"));
        ids("order.completed");
        store.insert(live("mom_b", "order.completed"));
        clock.advance(MAX_AGE.plusSeconds(1));

        store.failNextRead = true;
        assertThatThrownBy(() -> ids("order.completed")).isInstanceOf(IllegalStateException.class);

        assertThat(ids("order.completed")).containsExactly("mom_a", "mom_b");
    }

    /** The moments in memory, handed out newest id first, and a read that fails when asked to. */
    private static final class Store implements MomentRepository {

        private final InMemoryMomentRepository delegate;
        boolean failNextRead;

        Store(InMemoryMomentRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Moment> findInStatus(PartnerId partnerId, List<MomentStatus> statuses) {
            if (failNextRead) {
                failNextRead = false;
                throw new IllegalStateException("the store failed");
            }
            List<Moment> found = new ArrayList<>(delegate.findInStatus(partnerId, statuses));
            found.sort(Comparator.comparing((Moment moment) -> moment.id().value()).reversed());
            return found;
        }

        @Override
        public void insert(Moment moment) {
            delegate.insert(moment);
        }

        @Override
        public Optional<Moment> find(PartnerId partnerId, MomentId id) {
            return delegate.find(partnerId, id);
        }

        @Override
        public Optional<MomentStatus> status(PartnerId partnerId, MomentId id) {
            return delegate.status(partnerId, id);
        }

        @Override
        public Page<Moment> list(PartnerId partnerId, PageRequest page) {
            return delegate.list(partnerId, page);
        }

        @Override
        public boolean updateStatus(Moment changed, MomentStatus expected) {
            return delegate.updateStatus(changed, expected);
        }

        @Override
        public boolean update(Moment edited) {
            return delegate.update(edited);
        }

        @Override
        public List<Moment> findListening(PartnerId partnerId, String eventType, List<MomentStatus> statuses) {
            return delegate.findListening(partnerId, eventType, statuses);
        }
    }
}
