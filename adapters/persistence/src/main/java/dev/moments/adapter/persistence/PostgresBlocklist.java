package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.Blocklist;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps each partner's blocklist in PostgreSQL, in plain SQL. */
@ApplicationScoped
@StoreOutages
public class PostgresBlocklist implements Blocklist {

    private static final String BLOCK = "select id, partner_id, kind, key, reason, created_at from blocklist";

    @Override
    public Added add(Block block) {
        if (!Sql.fewerThanUnderLock("blocklist", block.partnerId().value(), MAX_ENTRIES)) {
            return Added.FULL;
        }
        // upsert: the partner's (kind, key) is blocked once; the entry that stands is kept
        int inserted = Sql.update("insert into blocklist (id, partner_id, kind, key, reason, created_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (partner_id, kind, key) do nothing",
                block.id().value(), block.partnerId().value(), block.kind().name(), block.key(), block.reason(),
                block.createdAt());
        return inserted == 1 ? Added.ADDED : Added.ALREADY_BLOCKED;
    }

    @Override
    public Optional<Block> find(PartnerId partnerId, Block.Key key) {
        return Sql.first(BLOCK + " where partner_id = ? and kind = ? and key = ?", PostgresBlocklist::block,
                partnerId.value(), key.kind().name(), key.key());
    }

    @Override
    public Optional<Block> find(PartnerId partnerId, BlockId id) {
        return Sql.first(BLOCK + " where partner_id = ? and id = ?", PostgresBlocklist::block, partnerId.value(),
                id.value());
    }

    @Override
    public Page<Block> list(PartnerId partnerId, PageRequest page) {
        List<Block> rows = page.after() == null
                ? Sql.list(BLOCK + " where partner_id = ? order by id limit ?", PostgresBlocklist::block,
                        partnerId.value(), page.limit() + 1)
                : Sql.list(BLOCK + " where partner_id = ? and id > ? order by id limit ?", PostgresBlocklist::block,
                        partnerId.value(), page.after(), page.limit() + 1);
        return Store.page(rows, page.limit(), block -> block.id().value(), block -> block);
    }

    @Override
    public boolean remove(PartnerId partnerId, BlockId id) {
        return Sql.update("delete from blocklist where partner_id = ? and id = ?", partnerId.value(), id.value()) == 1;
    }

    @Override
    public Set<Block.Key> blocked(PartnerId partnerId, Collection<Block.Key> keys) {
        Set<Block.Key> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        // bulk read: a unit's keys at once (unnest)
        Sql.list("select b.kind, b.key from blocklist b join unnest(?, ?) as k(kind, key)"
                        + " on b.kind = k.kind and b.key = k.key where b.partner_id = ?",
                row -> found.add(new Block.Key(Block.Kind.valueOf(row.getString(1)), row.getString(2))),
                keys.stream().map(key -> key.kind().name()).toArray(String[]::new),
                keys.stream().map(Block.Key::key).toArray(String[]::new), partnerId.value());
        return found;
    }

    private static Block block(ResultSet row) throws SQLException {
        return new Block(new BlockId(row.getString("id")), new PartnerId(row.getString("partner_id")),
                Block.Kind.valueOf(row.getString("kind")), row.getString("key"), row.getString("reason"),
                Sql.instant(row, "created_at"));
    }
}
