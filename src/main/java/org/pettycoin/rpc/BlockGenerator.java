package org.pettycoin.rpc;

import java.io.IOException;
import java.util.List;
import org.pettycoin.protocol.Hash256;

/**
 * What {@code generate N} asks for: mine N blocks now, on the node's best block, each accepted and
 * announced before the next is begun. The node's miner implements it; {@link ChainBuilderGenerator}
 * is a simple one for regtest.
 */
@FunctionalInterface
public interface BlockGenerator {
    /**
     * Mines {@code count} blocks and returns their ids in order.
     *
     * @throws IOException if the node could not be reached or a block could not be made
     */
    List<Hash256> generate(int count) throws IOException;
}
