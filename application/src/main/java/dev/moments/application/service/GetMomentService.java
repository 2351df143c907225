package dev.moments.application.service;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.MomentView;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.Instant;

/** Reads a partner's moments, each with its budget's state. */
public final class GetMomentService implements GetMomentQuery {

    private final MomentRepository moments;
    private final MomentViews views;
    private final Clock clock;

    public GetMomentService(MomentRepository moments, MomentViews views, Clock clock) {
        this.moments = moments;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public MomentView get(PartnerId partnerId, MomentId id) {
        return views.view(views.found(partnerId, id), clock.now());
    }

    @Override
    public Page<MomentView> list(PartnerId partnerId, PageRequest page) {
        Instant now = clock.now();
        return moments.list(partnerId, page).map(moment -> views.view(moment, now));
    }
}
