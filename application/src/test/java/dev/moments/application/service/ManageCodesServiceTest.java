package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.InvalidValueException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pools of codes rewards: what an upload may hold, and what is left of each pool. */
class ManageCodesServiceTest extends ClaimTestSupport {

    private RewardId codesReward() {
        return reward("DIGITAL_CODE", "3.00", "codes", Set.of());
    }

    @Test
    void anUploadHoldsAtMostTenThousandCodes() {
        RewardId codes = codesReward();
        List<String> most = IntStream.range(0, ManageCodesUseCase.MAX_CODES_PER_CALL).mapToObj(i -> "C-" + i).toList();

        assertThat(app.codes.addCodes(partner, codes, most).added()).isEqualTo(10_000);
    }

    @Test
    void aCodeHoldsAtMostTwoHundredCharacters() {
        RewardId codes = codesReward();

        assertThat(app.codes.addCodes(partner, codes, List.of("x".repeat(200))).added()).isEqualTo(1);
        assertThatThrownBy(() -> app.codes.addCodes(partner, codes, List.of("x".repeat(201))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("codes[0]"));
        assertThatThrownBy(() -> app.codes.addCodes(partner, codes, List.of("ok", "")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("codes[1]"));
    }

    @Test
    void aCodeIsNotBlankNorSurroundedBySpaces() {
        RewardId codes = codesReward();

        for (String refused : List.of(" ", " C-1", "C-1 ", "C-1\t")) {
            assertThatThrownBy(() -> app.codes.addCodes(partner, codes, List.of(refused)))
                    .as("[%s]", refused)
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("codes[0]"));
        }
        assertThat(app.codes.addCodes(partner, codes, List.of("C 1")).added()).as("inner spaces are fine")
                .isEqualTo(1);
    }

    @Test
    void aCodesRewardWhosePoolIsEmptyCountsNoCodesLeft() {
        RewardId empty = codesReward();
        RewardId filled = codesReward();
        app.codes.addCodes(partner, filled, List.of("C-1"));

        assertThat(app.codes.codesAvailable(partner, List.of(empty, filled, reward("sandbox"))))
                .containsOnly(Map.entry(empty, 0L), Map.entry(filled, 1L));
        assertThat(app.codes.codesAvailable(partner, Collections.emptyList())).isEmpty();
    }
}
