package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.crypto.Sha256;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ChildBlock;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.Vectors;

class DescendantsHashTest {
    @Test
    void agreesWithEveryHashTheCNodeSentWhileSyncingAPeer() throws Exception {
        List<Block> blocks = new ArrayList<>();
        List<ChildrenPacket> children = new ArrayList<>();
        java.util.Set<Hash256> askedChildrenOf = new java.util.HashSet<>();
        for (JsonNode line : Vectors.jsonl("capture_sync.jsonl")) {
            Packet p = PacketCodec.decode(Hex.decode(line.get("hex").asText()));
            if (!line.get("dir").asText().equals("IN")) {
                if (p instanceof org.pettycoin.protocol.GetChildrenPacket g) {
                    askedChildrenOf.add(g.block());
                }
                continue;
            }
            if (p instanceof BlockPacket b) {
                blocks.add(b.block());
            } else if (p instanceof ChildrenPacket c) {
                children.add(c);
            }
        }
        BlockTree tree = new BlockTree(Network.TESTNET);
        // Blocks came tip first: attach whatever can be attached until nothing is left.
        List<Block> left = new ArrayList<>(blocks);
        while (!left.isEmpty()) {
            int before = left.size();
            left.removeIf(b -> {
                Hash256 id = BlockIds.id(b);
                if (tree.contains(id)) {
                    return true;
                }
                if (tree.contains(b.header().parent())) {
                    tree.add(b, id);
                    return true;
                }
                return false;
            });
            assertThat(left.size()).isLessThan(before);
        }
        DescendantsHash hashes = new DescendantsHash();
        int compared = 0;
        int skipped = 0;
        for (ChildrenPacket c : children) {
            for (ChildBlock child : c.children()) {
                if (!child.descendants().equals(Hash256.ZERO)) {
                    BlockNode node = tree.find(child.block()).orElseThrow();
                    if (hashes.of(node).equals(child.descendants())) {
                        compared++;
                    } else {
                        // Only for a block whose children the syncing node never asked about (it came
                        // after sync, so only its contents were fetched): the hub may hold more below it.
                        assertThat(askedChildrenOf)
                                .as("H(%s) differs though its children were fetched", child.block())
                                .doesNotContain(child.block());
                        skipped++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(87);
        assertThat(skipped).isEqualTo(1);
    }

    @Test
    void keptHashesFollowAttachesBelowThem() {
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder a = new ChainBuilder(tree, Address.fromHex("01".repeat(20)));
        ChainBuilder b = new ChainBuilder(tree, Address.fromHex("02".repeat(20)));
        DescendantsHash hashes = new DescendantsHash();
        BlockNode fork = a.extend(tree.genesis(), 3);
        BlockNode tipA = a.extend(fork, 2);
        assertThat(hashes.of(tipA)).isEqualTo(Sha256.doubleSha256(tipA.id().toByteArray()));
        Hash256 before = hashes.of(fork);
        BlockNode tipB = b.extend(fork, 1);
        hashes.attached(tipB);
        Hash256 after = hashes.of(fork);
        assertThat(after).isNotEqualTo(before);
        // From scratch, the same answer.
        assertThat(new DescendantsHash().of(fork)).isEqualTo(after);
        // The definition by hand: children sorted by id, then the block's own id.
        BlockNode childA = fork.children().get(0);
        Hash256 hA = hashes.of(childA);
        Hash256 hB = hashes.of(tipB);
        byte[][] parts = childA.id().compareTo(tipB.id()) < 0
                ? new byte[][] {hA.toByteArray(), hB.toByteArray(), fork.id().toByteArray()}
                : new byte[][] {hB.toByteArray(), hA.toByteArray(), fork.id().toByteArray()};
        assertThat(after).isEqualTo(Sha256.doubleSha256(parts));
        // A 10,000-block chain hashes without recursion.
        BlockNode far = a.extend(tipA, 10_000);
        assertThat(new DescendantsHash().of(tree.genesis())).isNotNull();
        assertThat(far.height()).isEqualTo(10_005);
    }
}
