package org.pettycoin.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.store.Blockfile;

/** Two regtest branches from a common prefix, as blockfiles for two nodes. */
record ForkedChains(List<Block> common, List<Block> branchA, List<Block> branchB) {
    static ForkedChains build(int common, int a, int b) {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder shared = new ChainBuilder(tree, Address.fromHex("c0".repeat(20)));
        BlockNode fork = shared.extend(tree.genesis(), common);
        ChainBuilder minerA = new ChainBuilder(tree, Address.fromHex("a0".repeat(20)));
        minerA.extend(fork, a);
        ChainBuilder minerB = new ChainBuilder(tree, Address.fromHex("b0".repeat(20)));
        minerB.extend(fork, b);
        return new ForkedChains(shared.built(), minerA.built(), minerB.built());
    }

    Hash256 tipA() {
        return org.pettycoin.chain.BlockIds.id(branchA.get(branchA.size() - 1));
    }

    Hash256 tipB() {
        return org.pettycoin.chain.BlockIds.id(branchB.get(branchB.size() - 1));
    }

    long lastTimestamp() {
        return Math.max(
                branchA.get(branchA.size() - 1).tailer().timestamp(),
                branchB.get(branchB.size() - 1).tailer().timestamp());
    }

    void writeA(Path dataDir) throws IOException {
        write(dataDir, branchA);
    }

    void writeB(Path dataDir) throws IOException {
        write(dataDir, branchB);
    }

    private void write(Path dataDir, List<Block> branch) throws IOException {
        try (Blockfile f = Blockfile.open(dataDir.resolve(Blockfile.FILE_NAME))) {
            f.replay((frame, offset) -> Optional.empty());
            for (Block blk : common) {
                f.append(PacketCodec.encode(new BlockPacket(blk)));
            }
            for (Block blk : branch) {
                f.append(PacketCodec.encode(new BlockPacket(blk)));
            }
        }
    }
}
