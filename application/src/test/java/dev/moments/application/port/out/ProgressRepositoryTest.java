package dev.moments.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.ProgressRepository.Key;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several users' progress is locked in one order whoever asks: by moment, then user, each once. */
class ProgressRepositoryTest {

    /** Notes the rows it is asked to lock, none of which holds progress. */
    private static final class LockNotes implements ProgressRepository {

        final List<String> locked = new ArrayList<>();

        @Override
        public Optional<UserProgress> lock(MomentId momentId, String userId) {
            locked.add(momentId.value() + "/" + userId);
            return Optional.empty();
        }

        @Override
        public Optional<UserProgress> find(PartnerId partnerId, MomentId momentId, String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(UserProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(UserProgress progress) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void restartAll(MomentId momentId, Trigger trigger) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordCompletions(List<Completion> completions) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void rowsAreLockedByMomentThenUser_eachOnce_andThoseWithoutProgressAreLeftOut() {
        LockNotes progress = new LockNotes();
        MomentId first = new MomentId("mom_1");
        MomentId second = new MomentId("mom_2");

        var locked = progress.lockAll(List.of(new Key(second, "u-a"), new Key(first, "u-b"), new Key(first, "u-a"),
                new Key(second, "u-a")));

        assertThat(progress.locked).containsExactly("mom_1/u-a", "mom_1/u-b", "mom_2/u-a");
        assertThat(locked).isEmpty();
    }
}
