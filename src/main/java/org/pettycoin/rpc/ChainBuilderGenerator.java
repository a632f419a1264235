package org.pettycoin.rpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;

/**
 * A {@link BlockGenerator} that solves each block on the node thread with {@link ChainBuilder},
 * holding what the pending pool has ready, voting as the node's options say ({@code --vote}), and
 * announces it. Fine on regtest (about 256 hashes a
 * block); one block per {@code Node.call}, so peers and other clients are served in between.
 */
public final class ChainBuilderGenerator implements BlockGenerator {
    private final Node node;
    private final Address rewardTo;

    public ChainBuilderGenerator(Node node, Address rewardTo) {
        this.node = node;
        this.rewardTo = rewardTo;
    }

    @Override
    public List<Hash256> generate(int count) throws IOException {
        List<Hash256> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(node.call(this::mineOne));
        }
        return ids;
    }

    /** One child of the mining head, timestamped now (or just after its parent if the clock lags). */
    private Hash256 mineOne() {
        BlockNode tip = node.state().miningHead();
        long timestamp = Math.max(
                tip.block().tailer().timestamp() + 1, node.options().clock().unixSeconds());
        BlockNode mined = ChainBuilder.on(node.input(), rewardTo)
                .voting(node.options().castVotes())
                .mine(tip, timestamp, ChainBuilder.pendingContents(node.state().pending()));
        node.network().announce(mined);
        return mined.id();
    }
}
