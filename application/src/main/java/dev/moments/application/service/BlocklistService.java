package dev.moments.application.service;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.abuse.BlockId;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.List;

/** Keeps a partner's blocklist, and cancels the unclaimed awards of what it names. */
public final class BlocklistService implements BlocklistUseCase {

    /** Awards cancelled in one transaction. */
    static final int CANCEL_BATCH = 100;

    /** Users of one e-mail address whose awards are cancelled (an address shared wider is not one person's). */
    static final int MAX_USERS_PER_EMAIL = 1_000;

    private final Blocklist blocklist;
    private final AwardRepository awards;
    private final UserProfileRepository profiles;
    private final AwardEndings endings;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public BlocklistService(Blocklist blocklist, AwardRepository awards, UserProfileRepository profiles,
                            AwardEndings endings, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.blocklist = blocklist;
        this.awards = awards;
        this.profiles = profiles;
        this.endings = endings;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Added add(PartnerId partnerId, String kind, String value, String reason) {
        Block.Kind parsed = Block.Kind.fromApi("kind", kind);
        Block block = new Block(new BlockId(ids.next(BlockId.PREFIX)), partnerId, parsed,
                parsed.keyOf("value", value), reason, clock.now());
        return transactions.run(() -> switch (blocklist.add(block)) {
            case ADDED -> new Added(block, true);
            case ALREADY_BLOCKED -> new Added(blocklist.find(partnerId, block.asKey()).orElseThrow(), false);
            case FULL -> throw new InvalidValueException("value", "a partner's blocklist keeps at most "
                    + Blocklist.MAX_ENTRIES + " entries");
        });
    }

    @Override
    public Page<Block> list(PartnerId partnerId, PageRequest page) {
        return transactions.run(() -> blocklist.list(partnerId, page));
    }

    @Override
    public Block get(PartnerId partnerId, BlockId id) {
        return transactions.run(() -> blocklist.find(partnerId, id))
                .orElseThrow(() -> new NotFoundException("blocklist entry", id));
    }

    @Override
    public void remove(PartnerId partnerId, BlockId id) {
        if (!transactions.run(() -> blocklist.remove(partnerId, id))) {
            throw new NotFoundException("blocklist entry", id);
        }
    }

    @Override
    public int cancelAwards(PartnerId partnerId, BlockId id) {
        Block block = get(partnerId, id);
        if (block.kind() != Block.Kind.EMAIL) {
            return cancelAll(partnerId, block.asKey());
        }
        int cancelled = 0;
        for (String user : transactions.run(() -> profiles.usersWithEmail(partnerId, block.key(),
                MAX_USERS_PER_EMAIL))) {
            cancelled += cancelAll(partnerId, new Block.Key(Block.Kind.USER, user));
        }
        return cancelled;
    }

    /** Cancels the unclaimed awards of a user, device or client address, a batch per transaction. */
    private int cancelAll(PartnerId partnerId, Block.Key key) {
        int cancelled = 0;
        while (true) {
            Instant now = clock.now();
            int batch = transactions.run(() -> {
                List<Award> unclaimed = awards.lockUnclaimed(partnerId, key, CANCEL_BATCH);
                unclaimed.forEach(award -> endings.end(award, AwardStatus.CANCELLED, now));
                return unclaimed.size();
            });
            cancelled += batch;
            if (batch < CANCEL_BATCH) {
                return cancelled;
            }
        }
    }
}
