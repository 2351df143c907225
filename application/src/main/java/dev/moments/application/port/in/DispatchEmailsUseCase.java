package dev.moments.application.port.in;

/** Sends the award e-mails that are due (the e-mail dispatcher's job). */
public interface DispatchEmailsUseCase {

    /**
     * Takes at most {@code limit} due e-mails and sends each, recording how it went.
     *
     * @return how many were taken; fewer than {@code limit} means none is left for now
     */
    int dispatch(int limit);
}
