package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.Blocklist;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.partner.Partner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code Blocklist} must do. */
public abstract class BlocklistContract extends ContractSupport {

    @Test
    void aKindAndKeyIsBlockedOncePerPartner_andFoundByEither() {
        Partner partner = givenPartner();
        Block device = block(partner, Block.Kind.DEVICE, "dev-1");

        assertThat(tx(() -> ports().blocklist().add(device))).isEqualTo(Blocklist.Added.ADDED);
        assertThat(tx(() -> ports().blocklist().add(block(partner, Block.Kind.DEVICE, "dev-1"))))
                .isEqualTo(Blocklist.Added.ALREADY_BLOCKED);
        assertThat(tx(() -> ports().blocklist().add(block(partner, Block.Kind.USER, "dev-1"))))
                .as("another kind, the same text").isEqualTo(Blocklist.Added.ADDED);
        assertThat(tx(() -> ports().blocklist().add(block(givenPartner(), Block.Kind.DEVICE, "dev-1"))))
                .as("another partner").isEqualTo(Blocklist.Added.ADDED);

        assertThat(tx(() -> ports().blocklist().find(partner.id(), device.asKey()))).contains(device);
        assertThat(tx(() -> ports().blocklist().find(partner.id(), device.id()))).contains(device);
        assertThat(tx(() -> ports().blocklist().find(givenPartner().id(), device.id()))).isEmpty();
    }

    @Test
    void blockedAnswersTheKeysThePartnerBlocks_amongThoseAsked() {
        Partner partner = givenPartner();
        txRun(() -> ports().blocklist().add(block(partner, Block.Kind.USER, "u-1")));
        txRun(() -> ports().blocklist().add(block(partner, Block.Kind.EMAIL, Block.emailKey("a@example.com"))));
        txRun(() -> ports().blocklist().add(block(givenPartner(), Block.Kind.USER, "u-2")));

        Block.Key user = new Block.Key(Block.Kind.USER, "u-1");
        Block.Key email = new Block.Key(Block.Kind.EMAIL, Block.emailKey("A@example.com"));
        assertThat(tx(() -> ports().blocklist().blocked(partner.id(), List.of(user, email,
                new Block.Key(Block.Kind.DEVICE, "u-1"), new Block.Key(Block.Kind.USER, "u-2")))))
                .containsExactlyInAnyOrder(user, email);
        assertThat(tx(() -> ports().blocklist().blocked(partner.id(), List.of()))).isEmpty();
    }

    @Test
    void entriesArePagedInIdOrder_andRemovedByTheirPartnerOnly() {
        Partner partner = givenPartner();
        List<Block> blocks = List.of(block(partner, Block.Kind.USER, "a"), block(partner, Block.Kind.USER, "b"),
                block(partner, Block.Kind.IP, "c".repeat(64)));
        blocks.forEach(block -> txRun(() -> ports().blocklist().add(block)));

        Page<Block> first = tx(() -> ports().blocklist().list(partner.id(), new PageRequest(2, null)));
        Page<Block> second = tx(() -> ports().blocklist().list(partner.id(), new PageRequest(2, first.next())));
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.next()).isNull();
        assertThat(first.items().get(0).id().value()).isLessThan(first.items().get(1).id().value());

        Block removed = blocks.get(0);
        assertThat(tx(() -> ports().blocklist().remove(givenPartner().id(), removed.id()))).isFalse();
        assertThat(tx(() -> ports().blocklist().remove(partner.id(), removed.id()))).isTrue();
        assertThat(tx(() -> ports().blocklist().remove(partner.id(), removed.id()))).isFalse();
        assertThat(tx(() -> ports().blocklist().blocked(partner.id(), List.of(removed.asKey())))).isEmpty();
    }

    private static Block block(Partner partner, Block.Kind kind, String key) {
        return new Block(new BlockId(unique(BlockId.PREFIX)), partner.id(), kind, key, "test", AT);
    }
}
