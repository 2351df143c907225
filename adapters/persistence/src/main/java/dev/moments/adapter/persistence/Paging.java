package dev.moments.adapter.persistence;

import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;
import jakarta.persistence.TypedQuery;
import java.util.List;

/**
 * Reads one page of a partner's rows in id order (ids are random but stable, and sort byte-wise): the opaque
 * cursor is the id of the last row of the previous page.
 */
final class Paging {

    private Paging() {
    }

    /** Up to {@code limit + 1} of the partner's rows of {@code entity} after the cursor, detached. */
    static <E> List<E> rows(Class<E> entity, PartnerId partnerId, PageRequest page) {
        String jpql = "from " + entity.getSimpleName() + " r where r.partnerId = :partnerId"
                + (page.after() == null ? "" : " and r.id > :after") + " order by r.id";
        TypedQuery<E> query = Store.em().createQuery(jpql, entity)
                .setParameter("partnerId", partnerId.value())
                .setMaxResults(page.limit() + 1);
        if (page.after() != null) {
            query.setParameter("after", page.after());
        }
        return Store.detached(query.getResultList());
    }
}
