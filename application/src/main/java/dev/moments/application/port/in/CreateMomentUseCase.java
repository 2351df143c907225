package dev.moments.application.port.in;

/** A partner defines a new moment, which starts as a DRAFT. */
public interface CreateMomentUseCase {

    MomentView create(CreateMomentCommand command);
}
