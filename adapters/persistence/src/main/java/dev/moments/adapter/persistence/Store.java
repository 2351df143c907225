package dev.moments.adapter.persistence;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.Page;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every adapter of this package does with the entity manager.
 *
 * <p>Freshness rule: no entity stays managed after an adapter method returns. Inserts are flushed and detached,
 * reads are detached as soon as they are mapped (or select columns, not entities), and every change after an insert
 * is a single UPDATE statement (plain SQL, or a Panache/JPQL bulk update, which manages nothing).
 * So a later read in the same transaction always goes to the database and sees the effect of an earlier
 * conditional UPDATE (a reservation, a status change) instead of a stale managed copy.
 */
final class Store {

    private Store() {
    }

    static EntityManager em() {
        return Panache.getEntityManager();
    }

    /**
     * Inserts the row now, so a duplicate key surfaces inside the unit of work, as a
     * {@link ConcurrentWriteException}.
     */
    static void insert(Object entity, String what) {
        EntityManager em = em();
        try {
            em.persist(entity);
            em.flush();
        } catch (EntityExistsException e) {
            throw new ConcurrentWriteException(what + " already exists", e);
        } catch (PersistenceException e) {
            if (SqlStates.isConcurrencyConflict(e)) {
                throw new ConcurrentWriteException(what + " already exists or was written concurrently", e);
            }
            throw e;
        } finally {
            if (em.contains(entity)) {
                em.detach(entity);
            }
        }
    }

    /** The row with this primary key, read from the database and detached. */
    static <E> Optional<E> find(Class<E> type, Object id) {
        EntityManager em = em();
        E entity = em.find(type, id);
        if (entity == null) {
            return Optional.empty();
        }
        em.detach(entity);
        return Optional.of(entity);
    }

    /** Detaches every row of a query result. */
    static <E> List<E> detached(List<E> rows) {
        EntityManager em = em();
        rows.forEach(em::detach);
        return rows;
    }

    /**
     * One page out of at most {@code limit + 1} rows ordered by the cursor: the extra row only says there is more,
     * and the cursor of the next page is the id of the last row kept.
     */
    static <E, T> Page<T> page(List<E> rows, int limit, Function<E, String> id, Function<E, T> mapper) {
        boolean more = rows.size() > limit;
        List<E> kept = more ? rows.subList(0, limit) : rows;
        String next = more ? id.apply(kept.get(kept.size() - 1)) : null;
        return new Page<>(kept.stream().map(mapper).toList(), next);
    }
}
