package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.DetachedBlockPool;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.PeerNetwork;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Protocol;

/**
 * The commands that look at the chain as a whole: getinfo, getblock, getblockhash,
 * dev-detachedblocks (C's getinfo.c, chain.c, detached_block.c). Each reads state in one {@code Node.call}.
 */
final class ChainCommands {
    private final Node node;

    ChainCommands(Node node) {
        this.node = node;
    }

    RpcCommand getinfo() {
        return RpcCommand.of(
                "getinfo",
                "get miscellaneous information",
                "Return test_net, longest[], longest_knowns[], preferred_chain, num_todos, num_pending",
                List.of(),
                p -> info());
    }

    RpcCommand getblock() {
        return RpcCommand.of(
                "getblock",
                "Get a description of a given block",
                "hash, version, features_vote, shard_order, nonce1, nonce2, height, fees_to, timestamp, "
                        + "difficulty, prev, next[], merkles[], shards[ [{tx,refs[]}|{}|{txhash,refhash} ] ]",
                List.of("block"),
                this::getblock);
    }

    RpcCommand getblockhash() {
        return RpcCommand.of(
                "getblockhash",
                "Get a hashes of blocks at a given height",
                "Takes 'height', returns hash[]",
                List.of("height"),
                this::getblockhash);
    }

    RpcCommand detachedBlocks() {
        return RpcCommand.of(
                "dev-detachedblocks",
                "Get all detached blocks",
                "Returns height, sha and prev for each detached block",
                List.of(),
                p -> detached());
    }

    /**
     * C prints {@code test_net} only on the test network; both of ours use its addresses and rules,
     * so it is always true here, and {@code network} (ours) says which genesis this node has.
     */
    private JsonNode info() throws IOException {
        String network = node.options().network().cliName();
        return node.call(() -> {
            ChainState s = node.state();
            PeerNetwork net = node.network();
            ObjectNode o = RpcJson.object();
            o.put("test_net", true);
            o.set("longest", RpcJson.blockRefs(s.tree().heads().longestChains()));
            o.set("longest_knowns", RpcJson.blockRefs(s.tree().heads().longestKnowns()));
            o.set("preferred_chain", RpcJson.blockRef(s.tree().heads().preferred()));
            o.put("num_todos", net.outstandingRequests());
            o.put("uuid", node.uuid().hex());
            o.put("connections", net.connectionCount());
            // C counted packets queued for particular peers; ours are the requests out to peers.
            o.put("num_peer_todos", net.requestsInFlight());
            o.put("num_pending", s.pending().size());
            // Ours (C has no such field): the order-2 shards this node holds, all four on a full node.
            ArrayNode shards = o.putArray("shards");
            s.interests().shards().forEach(shards::add);
            o.put("network", network);
            // Ours: the feature votes at the block we mine on (longest_knowns[0]).
            o.set("features", FeatureJson.at(s.miningHead(), s.knownFeatures()));
            return o;
        });
    }

    private JsonNode getblock(Params p) throws IOException {
        JsonNode param = p.get("block").orElseThrow(() -> new RpcException("Need block param"));
        Hash256 id = hash(param).orElseThrow(() -> new RpcException("Invalid block hex " + Params.shown(param)));
        return node.call(() -> {
            BlockNode b = node.state()
                    .tree()
                    .find(id)
                    .orElseThrow(() -> new RpcException("Unknown block " + Params.shown(param)));
            return blockJson(node.state(), b);
        });
    }

    private static ObjectNode blockJson(ChainState state, BlockNode b) {
        Block block = b.block();
        ObjectNode o = RpcJson.object();
        o.put("hash", b.id().hex());
        o.put("version", Protocol.VERSION);
        o.put("features_vote", block.header().featuresVote());
        o.put("shard_order", block.header().shardOrder());
        o.put("nonce1", block.tailer().nonce1());
        o.put("nonce2", block.header().nonce2().hex());
        o.put("height", b.height());
        o.put("fees_to", RpcJson.address(block.header().feesTo()));
        o.put("timestamp", block.tailer().timestamp());
        o.put("difficulty", block.tailer().difficulty());
        ArrayNode prevs = o.putArray("prevs");
        block.header().prevs().forEach(h -> prevs.add(h.hex()));
        ArrayNode next = o.putArray("next");
        b.children().forEach(c -> next.add(c.id().hex()));
        ArrayNode merkles = o.putArray("merkles");
        block.merkles().forEach(m -> merkles.add(m.hex()));
        ArrayNode shards = o.putArray("shards");
        for (int s = 0; s < block.numShards(); s++) {
            ArrayNode slots = shards.addArray();
            for (int i = 0; i < block.numTxs(s); i++) {
                slots.add(slot(state, b, s, i));
            }
        }
        // Ours, after C's fields: what the votes up to this block locked in (C's pending_features) and
        // what is active at it (chain.FeatureVotes), as bits like features_vote.
        o.put("pending_features", b.pendingFeatures());
        o.put("active_features", b.activeFeatures());
        return o;
    }

    /** A slot: {@code {tx, refs}} when we hold the tx, {@code {txhash, refhash}} for a hash only, else {}. */
    private static ObjectNode slot(ChainState state, BlockNode b, int shard, int txoff) {
        ObjectNode o = RpcJson.object();
        state.provenAt(b, shard, txoff)
                .ifPresentOrElse(
                        proven -> {
                            o.put("tx", TxHashes.txid(proven.tx()).hex());
                            ArrayNode refs = o.putArray("refs");
                            proven.refs()
                                    .forEach(r -> refs.addObject()
                                            .put("blocks_ago", r.blocksAgo())
                                            .put("shard", r.shard())
                                            .put("txoff", r.txoff()));
                        },
                        () -> state.hashAt(b, shard, txoff).ifPresent(h -> {
                            o.put("txhash", h.txid().hex());
                            o.put("refhash", h.refhash().hex());
                        }));
        return o;
    }

    private JsonNode getblockhash(Params p) throws IOException {
        JsonNode param = p.get("height").orElseThrow(() -> new RpcException("Need height param"));
        long height = Params.number(param).orElseThrow(() -> new RpcException("height must be a number"));
        return node.call(() -> {
            ArrayNode ids = RpcJson.array();
            node.state().tree().atHeight(height).forEach(b -> ids.add(b.id().hex()));
            return ids;
        });
    }

    /** Oldest first (C listed newest first). */
    private JsonNode detached() throws IOException {
        return node.call(() -> {
            ArrayNode out = RpcJson.array();
            for (DetachedBlockPool.Entry e : node.state().detached().entries()) {
                out.addObject()
                        .put("height", e.block().height())
                        .put("sha", e.id().hex())
                        .put("prev", e.block().header().parent().hex());
            }
            return out;
        });
    }

    /** A 64-hex-digit id (either case), if the parameter is one. */
    static Optional<Hash256> hash(JsonNode v) {
        try {
            return Optional.of(Hash256.fromHex(Params.text(v)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
