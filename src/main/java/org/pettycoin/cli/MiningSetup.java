package org.pettycoin.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.mining.Miner;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.rpc.BlockGenerator;

/**
 * What a node command starts beside a node: its miner (if it has a reward address) and the
 * {@code generate} RPC (regtest only), both through the node thread, both voting as the node's
 * options say ({@code --vote}).
 */
final class MiningSetup {
    private MiningSetup() {}

    static Miner.Host host(Node node) {
        return new Miner.Host(
                node.nodeThread(), node.input(), b -> node.network().announce(b));
    }

    static Miner start(Node node, Address rewardTo, int threads, Duration restAfterBlock) {
        Miner m = Miner.start(
                host(node),
                Miner.Config.of(rewardTo, threads, node.options().clock()::unixSeconds)
                        .withRestAfterBlock(restAfterBlock)
                        .withVotes(node.options().castVotes()));
        node.nodeThread().execute(() -> m.followHeads(node.input()));
        return m;
    }

    /** {@code generate N} on regtest: mines with the reward address if there is one, else to nobody. */
    static Optional<BlockGenerator> generator(Node node, Network network, Optional<Address> rewardTo) {
        if (network != Network.REGTEST) {
            return Optional.empty();
        }
        Address to = rewardTo.orElse(Address.ZERO);
        return Optional.of(n -> {
            try {
                List<Hash256> ids = Miner.generate(
                        host(node),
                        to,
                        node.options().castVotes(),
                        node.options().clock()::unixSeconds,
                        n);
                return ids;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IllegalStateException e) {
                throw new IOException(e.getMessage(), e);
            }
        });
    }
}
