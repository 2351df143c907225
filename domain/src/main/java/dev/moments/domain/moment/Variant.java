package dev.moments.domain.moment;

import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import dev.moments.domain.shared.Text;
import java.util.List;
import java.util.Objects;

/**
 * One arm of an A/B test inside a moment: its share of the treatment users ({@code weight} against the others'), the
 * price each completion of its users is charged from the moment's one budget, and the rewards its users may pick.
 *
 * @param costPerAction the price of one of its users' completions, or {@code null} for the moment's own
 * @param rewards the rewards its users may pick, or empty for the moment's own
 */
public record Variant(String name, int weight, Money costPerAction, List<RewardId> rewards) {

    /** The longest name accepted. */
    public static final int MAX_NAME_LENGTH = 50;
    /** The largest weight accepted. */
    public static final int MAX_WEIGHT = 1_000;

    public Variant {
        name = Text.name("name", name, MAX_NAME_LENGTH);
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new InvalidValueException("weight", "weight must be a whole number from 1 to " + MAX_WEIGHT);
        }
        if (costPerAction != null && !costPerAction.isPositive()) {
            throw new InvalidValueException("costPerAction", "costPerAction must be positive");
        }
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        if (rewards.size() > Moment.MAX_REWARDS) {
            throw new InvalidValueException("rewards", "at most " + Moment.MAX_REWARDS + " rewards");
        }
        if (rewards.stream().distinct().count() != rewards.size()) {
            throw new InvalidValueException("rewards", "a reward is listed twice");
        }
        rewards.forEach(reward -> Objects.requireNonNull(reward, "reward"));
    }
}
