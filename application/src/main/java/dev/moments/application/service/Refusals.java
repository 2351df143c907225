package dev.moments.application.service;

import dev.moments.domain.award.Refusal;
import java.util.Optional;

/** Refusal codes as the progress stores them. */
final class Refusals {

    private Refusals() {
    }

    /** A stored refusal code; one this version does not know (written by another) is left out rather than fail. */
    static Optional<Refusal> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Refusal.valueOf(code));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
