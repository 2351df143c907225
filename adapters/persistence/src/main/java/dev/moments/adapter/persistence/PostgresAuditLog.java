package dev.moments.adapter.persistence;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.AuditLog;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Keeps the partners' audit logs in PostgreSQL, in plain SQL. */
@ApplicationScoped
@StoreOutages
public class PostgresAuditLog implements AuditLog {

    @Override
    public void append(AuditEntry entry) {
        Sql.insert("audit entry " + entry.id(), "insert into audit_log (id, partner_id, at, actor, action, target,"
                        + " detail) values (?, ?, ?, ?, ?, ?, ?)", entry.id(), entry.partnerId().value(), entry.at(),
                entry.actor(), entry.action(), entry.target(), entry.detail());
    }

    @Override
    public Page<AuditEntry> list(PartnerId partnerId, PageRequest page) {
        List<Object> parameters = new ArrayList<>(List.of(partnerId.value()));
        String after = "";
        if (page.after() != null) {
            // newest first: (at, id) before the cursor's
            after = " and (at, id) < (select c.at, c.id from audit_log c where c.id = ? and c.partner_id = ?)";
            parameters.add(page.after());
            parameters.add(partnerId.value());
        }
        parameters.add(page.limit() + 1);
        List<AuditEntry> rows = Sql.list("select id, partner_id, at, actor, action, target, detail from audit_log"
                        + " where partner_id = ?" + after + " order by at desc, id desc limit ?",
                row -> new AuditEntry(row.getString("id"), new PartnerId(row.getString("partner_id")),
                        Sql.instant(row, "at"), row.getString("actor"), row.getString("action"),
                        row.getString("target"), row.getString("detail")), parameters.toArray());
        return Store.page(rows, page.limit(), AuditEntry::id, entry -> entry);
    }
}
