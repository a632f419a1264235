package org.pettycoin.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.ErrPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.GetChildrenPacket;
import org.pettycoin.protocol.GetPeersPacket;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.SetFilterPacket;
import org.pettycoin.protocol.TxPacket;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.TestKeys;
import org.pettycoin.testing.TestTxs;

/**
 * The whole, valid packets the wire fuzzer starts from: every packet of the C node's captured
 * conversations (testnet, so to a regtest node even the intact ones are another network's), and
 * packets of our own for regtest: a short chain's blocks from {@link ChainBuilder}, requests about
 * them, a signed tx, and the small fixed packets.
 */
record FuzzCorpus(List<byte[]> captured, List<byte[]> own) {
    /** Short, so the fuzzer's valid blocks never outgrow the honest chain the target follows. */
    private static final int OWN_BLOCKS = 4;

    static FuzzCorpus load() {
        List<byte[]> captured = new ArrayList<>();
        for (String file : List.of("capture_handshake_genesis.jsonl", "capture_sync.jsonl")) {
            for (JsonNode p : Vectors.jsonl(file)) {
                captured.add(Hex.decode(p.get("hex").asText()));
            }
        }
        List<byte[]> own = new ArrayList<>();
        BlockTree tree = new BlockTree(Network.REGTEST);
        ChainBuilder b = new ChainBuilder(tree, Address.fromHex("f0".repeat(20)));
        b.extend(tree.genesis(), OWN_BLOCKS);
        for (Block block : b.built()) {
            Hash256 id = BlockIds.id(block);
            own.add(PacketCodec.encode(new BlockPacket(block)));
            own.add(PacketCodec.encode(new GetBlockPacket(id)));
            own.add(PacketCodec.encode(new GetChildrenPacket(id)));
            own.add(PacketCodec.encode(new GetShardPacket(id, 0, 0)));
        }
        own.add(PacketCodec.encode(new TxPacket(TestTxs.fund(TestKeys.key(7), 1000))));
        own.add(PacketCodec.encode(new GetPeersPacket()));
        own.add(PacketCodec.encode(new SetFilterPacket(1, 0)));
        own.add(PacketCodec.encode(ErrPacket.of(ErrorCode.UNKNOWN_BLOCK)));
        return new FuzzCorpus(List.copyOf(captured), List.copyOf(own));
    }

    int size() {
        return captured.size() + own.size();
    }

    byte[] get(int i) {
        return i < captured.size() ? captured.get(i) : own.get(i - captured.size());
    }
}
