package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Network;
import org.pettycoin.net.Node;
import org.pettycoin.net.Request;
import org.pettycoin.node.BlockIntake;
import org.pettycoin.node.ChainState;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.ProtocolException;

/** The commands that add blocks: submitblock (C's recv_block.c) and generate (ours, regtest only). */
final class BlockCommands {
    /** Most blocks one {@code generate} may ask for: enough for any test, and a bound on the wait. */
    static final long MAX_GENERATE = 1000;

    private final Node node;
    private final Optional<BlockGenerator> generator;

    BlockCommands(Node node, Optional<BlockGenerator> generator) {
        this.node = node;
        this.generator = generator;
    }

    RpcCommand submitblock() {
        return RpcCommand.of(
                "submitblock",
                "Inject a block",
                "Takes marshalled block in hex, returns block",
                List.of("block"),
                this::submit);
    }

    RpcCommand generate() {
        return RpcCommand.of(
                "generate",
                "Mine blocks now (regtest only)",
                "Takes <nblocks>, mines that many blocks on the best block with the pending txs, returns their ids",
                List.of("nblocks"),
                this::generate);
    }

    /**
     * As C, a block whose parent is unknown is an error (PRIV_UNKNOWN_PREV); unlike C, it is kept
     * among the detached blocks and its ancestors are asked for, as for a peer's block.
     */
    private JsonNode submit(Params p) throws IOException {
        JsonNode param = p.get("block").orElseThrow(() -> new RpcException("Need block param"));
        Block block;
        try {
            block = BlockCodec.decode(Hex.decode(Params.text(param)));
        } catch (IllegalArgumentException e) {
            throw new RpcException("Invalid block hex");
        } catch (ProtocolException e) {
            throw new RpcException(e.code().cName() + ": " + e.getMessage());
        }
        Hash256 id = BlockIds.id(block);
        return node.call(() -> {
            ChainState.BlockReceipt r = node.state().receiveBlock(block);
            BlockIntake.Result in = r.intake();
            switch (in.status()) {
                case INVALID -> throw new RpcException(in.error().cName() + ": the block was refused");
                case DETACHED -> {
                    node.network()
                            .want(in.missing().stream().map(Request::block).toList());
                    throw unknownParent(block, "kept until it arrives");
                }
                case ALREADY_DETACHED -> throw unknownParent(block, "the block was already waiting for it");
                case TOO_EASY -> throw unknownParent(block, "and the block is too easy for its height to be kept");
                case ATTACHED -> {
                    for (BlockNode b : in.attached()) {
                        if (!r.prevTxhashesMismatch().contains(b)) {
                            node.network().announce(b);
                        }
                    }
                }
                default -> {
                    // already known: nothing to announce
                }
            }
            return TextNode.valueOf(id.hex());
        });
    }

    private static RpcException unknownParent(Block block, String what) {
        return new RpcException(ErrorCode.PRIV_UNKNOWN_PREV.cName() + ": parent "
                + block.header().parent().hex() + " is unknown; " + what);
    }

    private JsonNode generate(Params p) throws IOException {
        if (node.options().network() != Network.REGTEST) {
            throw new RpcException("generate works only on regtest; this node is on "
                    + node.options().network().cliName());
        }
        BlockGenerator g = generator.orElseThrow(() -> new RpcException("this node has no block generator"));
        JsonNode param = p.get("nblocks").orElseThrow(() -> new RpcException("Need nblocks param"));
        long n = Params.number(param)
                .filter(x -> x >= 1 && x <= MAX_GENERATE)
                .orElseThrow(() -> new RpcException(
                        "nblocks must be a number from 1 to " + MAX_GENERATE + ", not " + Params.shown(param)));
        List<Hash256> ids;
        try {
            ids = g.generate((int) n);
        } catch (IllegalStateException e) {
            throw new RpcException("cannot mine: " + e.getMessage());
        }
        ArrayNode out = RpcJson.array();
        ids.forEach(id -> out.add(id.hex()));
        return out;
    }
}
