package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.Interests;
import org.pettycoin.chain.Network;
import org.pettycoin.chain.ReceivedBlock;
import org.pettycoin.chainstate.BlockFlags;
import org.pettycoin.chainstate.BlockIntake;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.Origin;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.Request;
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
        ReceivedBlock block;
        try {
            block = ReceivedBlock.of(BlockCodec.decode(Hex.decode(Params.text(param))));
        } catch (IllegalArgumentException e) {
            throw new RpcException("Invalid block hex");
        } catch (ProtocolException e) {
            throw new RpcException(e.code().cName() + ": " + e.getMessage());
        }
        Hash256 id = block.id();
        return node.call(() -> {
            // A user's block gets every check, as a peer's does; the loop journals it before we announce it.
            ChainState.BlockReceipt r = node.input().processBlock(block, BlockFlags.PEER, Origin.LOCAL);
            BlockIntake.Result in = r.intake();
            if (in instanceof BlockIntake.Invalid i) {
                throw new RpcException(i.error().cName() + ": the block was refused");
            } else if (in instanceof BlockIntake.Detached d) {
                node.network().want(d.missing().stream().map(Request::block).toList());
                throw unknownParent(block.block(), "kept until it arrives");
            } else if (in instanceof BlockIntake.AlreadyDetached) {
                throw unknownParent(block.block(), "the block was already waiting for it");
            } else if (in instanceof BlockIntake.TooEasy) {
                throw unknownParent(block.block(), "and the block is too easy for its height to be kept");
            } else if (in instanceof BlockIntake.Attached a) {
                for (BlockIntake.Attachment b : a.blocks()) {
                    if (!r.prevTxhashesMismatch().contains(b.node())) {
                        node.network().announce(b.node());
                    }
                }
            }
            // already known: nothing to announce
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
        Interests held = node.options().chain().interests();
        if (!held.holdsAll()) {
            throw new RpcException("this node holds shards " + held
                    + " only and cannot mine: a block's prev_txhashes need the txs of every shard");
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
