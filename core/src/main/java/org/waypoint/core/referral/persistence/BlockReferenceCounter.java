package org.waypoint.core.referral.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.waypoint.core.referral.ReferenceCounter;

/**
 * Hands out referral numbers from blocks of {@value #BLOCK} that this instance reserves in the
 * database, so the shared counter row is locked once every ten submissions instead of at each. On
 * one instance numbers follow the order of submission with no gaps; several instances interleave
 * their blocks, and an instance that stops leaves the rest of its block unused.
 */
@ApplicationScoped
public class BlockReferenceCounter implements ReferenceCounter {

    static final int BLOCK = 10;

    private final JpaReferenceCounter counter;

    private final Map<Integer, Block> blocks = new HashMap<>();

    @Inject
    public BlockReferenceCounter(JpaReferenceCounter counter) {
        this.counter = counter;
    }

    /** For CDI's proxy only. */
    protected BlockReferenceCounter() {
        this(null);
    }

    @Override
    public synchronized long next(int year) {
        Block block = blocks.get(year);
        if (block == null || block.next > block.last) {
            long last = counter.reserve(year, BLOCK);
            block = new Block(last - BLOCK + 1, last);
            blocks.put(year, block);
        }
        return block.next++;
    }

    /** The numbers of a year this instance holds: from next to last. */
    private static final class Block {

        private long next;
        private final long last;

        private Block(long next, long last) {
            this.next = next;
            this.last = last;
        }
    }
}
