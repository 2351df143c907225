package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.Partner;
import org.junit.jupiter.api.Test;

/** What every {@code AuditLog} must do. */
public abstract class AuditLogContract extends ContractSupport {

    @Test
    void entriesArePagedNewestFirst_forTheirPartnerOnly() {
        Partner partner = givenPartner();
        AuditEntry first = entry(partner, 1, "POST /v1/moments", "mom_1", null);
        AuditEntry second = entry(partner, 2, "review.rejected", "awd_1", "order refunded");
        AuditEntry third = entry(partner, 3, "POST /v1/moments/mom_1/launch", null, null);
        txRun(() -> {
            ports().audit().append(second);
            ports().audit().append(first);
            ports().audit().append(third);
            ports().audit().append(entry(givenPartner(), 4, "POST /v1/rewards", null, null));
        });

        Page<AuditEntry> page = tx(() -> ports().audit().list(partner.id(), new PageRequest(2, null)));
        assertThat(page.items()).containsExactly(third, second);
        Page<AuditEntry> rest = tx(() -> ports().audit().list(partner.id(), new PageRequest(2, page.next())));
        assertThat(rest.items()).containsExactly(first);
        assertThat(rest.next()).isNull();
    }

    private static AuditEntry entry(Partner partner, int second, String action, String target, String detail) {
        return new AuditEntry(unique(AuditEntry.PREFIX), partner.id(), AT.plusSeconds(second), "key:key_1", action,
                target, detail);
    }
}
