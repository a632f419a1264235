package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.BlockIds;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.chain.Network;
import org.pettycoin.mining.ChainBuilder;
import org.pettycoin.protocol.Block;
import org.pettycoin.protocol.BlockCodec;
import org.pettycoin.protocol.BlockTailer;
import org.pettycoin.protocol.Hex;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.Vectors;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.WithRpcNode;

/** help, getinfo, generate, getblock, getblockhash, submitblock and dev-detachedblocks, with their errors. */
@Timeout(30)
class ChainCommandsTest extends WithRpcNode {
    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void helpListsCsCommandsInCsOrderWithGenerateAndSetmocktimeAdded() throws Exception {
        JsonNode ours = n.result("help");
        List<JsonNode> expected = new ArrayList<>();
        Vectors.json("json_help.json").forEach(expected::add);
        List<JsonNode> got = new ArrayList<>();
        ours.forEach(got::add);
        JsonNode generate = got.remove(11);
        assertThat(generate.get("command").asText()).isEqualTo("generate");
        JsonNode setmocktime = got.remove(11);
        assertThat(setmocktime.get("command").asText()).isEqualTo("setmocktime");
        JsonNode listrewards = got.remove(got.size() - 1);
        assertThat(listrewards.get("command").asText()).isEqualTo("listrewards");
        assertThat(got).isEqualTo(expected);
        assertThat(n.result("help", "getblock").get("details").asText()).contains("merkles[]");
        assertThat(n.error("help", "nosuch")).isEqualTo("Unknown command 'nosuch'");
    }

    @Test
    void getinfoHasCsFieldsAndStartsAtGenesis() throws Exception {
        JsonNode info = n.result("getinfo");
        assertThat(fieldNames(info)).containsSubsequence(fieldNames(Vectors.json("json_getinfo.json")));
        assertThat(info.get("test_net").asBoolean()).isTrue();
        assertThat(info.get("network").asText()).isEqualTo("regtest");
        assertThat(info.get("preferred_chain").get("sha").asText())
                .isEqualTo(Network.REGTEST.genesisId().hex());
        assertThat(info.get("preferred_chain").get("height").asInt()).isZero();
        assertThat(info.get("longest")).hasSize(1);
        assertThat(info.get("uuid").asText()).isEqualTo(n.node.uuid().hex()).hasSize(32);
        assertThat(info.get("connections").asInt()).isZero();
        assertThat(info.get("num_pending").asInt()).isZero();
    }

    @Test
    void generateMinesOnTheBestBlockAndGetblockhashFindsThem() throws Exception {
        JsonNode ids = n.result("generate", 3);
        assertThat(ids).hasSize(3);
        JsonNode info = n.result("getinfo");
        assertThat(info.get("preferred_chain").get("height").asInt()).isEqualTo(3);
        assertThat(info.get("preferred_chain").get("sha").asText())
                .isEqualTo(ids.get(2).asText());
        assertThat(n.result("getblockhash", 3)).containsExactly(ids.get(2));
        assertThat(n.result("getblockhash", "0x1")).containsExactly(ids.get(0));
        assertThat(n.result("getblockhash", 0).get(0).asText())
                .isEqualTo(Network.REGTEST.genesisId().hex());
        assertThat(n.result("getblockhash", 99)).isEmpty();

        assertThat(n.error("generate")).isEqualTo("Need nblocks param");
        assertThat(n.error("generate", 0)).startsWith("nblocks must be a number from 1 to 1000");
        assertThat(n.error("generate", "lots")).isEqualTo("nblocks must be a number from 1 to 1000, not 'lots'");
        assertThat(n.error("getblockhash")).isEqualTo("Need height param");
        assertThat(n.error("getblockhash", "tall")).isEqualTo("height must be a number");
        assertThat(n.error("getblockhash", -1)).isEqualTo("height must be a number");
    }

    @Test
    void getblockDescribesABlockWithCsFields() throws Exception {
        JsonNode ids = n.result("generate", 2);
        JsonNode b = n.result("getblock", ids.get(0).asText());
        // C's fields in C's order, then ours.
        List<String> expected = new ArrayList<>(fieldNames(Vectors.json("json_getblock_empty.json")));
        expected.addAll(List.of("pending_features", "active_features"));
        assertThat(fieldNames(b)).isEqualTo(expected);
        assertThat(b.get("hash")).isEqualTo(ids.get(0));
        assertThat(b.get("height").asInt()).isEqualTo(1);
        assertThat(b.get("version").asInt()).isEqualTo(1);
        assertThat(b.get("shard_order").asInt()).isEqualTo(2);
        assertThat(b.get("fees_to").asText())
                .isEqualTo(RpcJson.address(RpcTestNode.MINER))
                .startsWith("q");
        assertThat(b.get("difficulty").asLong()).isEqualTo(Network.REGTEST.genesisDifficulty());
        assertThat(b.get("prevs")).hasSize(Protocol.NUM_PREV_IDS);
        assertThat(b.get("prevs").get(0).asText())
                .isEqualTo(Network.REGTEST.genesisId().hex());
        assertThat(b.get("next")).containsExactly(ids.get(1));
        assertThat(b.get("merkles")).hasSize(4);
        assertThat(b.get("shards")).hasSize(4).allMatch(JsonNode::isEmpty);
        // Upper-case hex names the same block.
        assertThat(n.result("getblock", ids.get(0).asText().toUpperCase(Locale.ROOT))
                        .get("hash"))
                .isEqualTo(ids.get(0));

        assertThat(n.error("getblock")).isEqualTo("Need block param");
        assertThat(n.error("getblock", "zz")).isEqualTo("Invalid block hex 'zz'");
        String unknown = "ab".repeat(32);
        assertThat(n.error("getblock", unknown)).isEqualTo("Unknown block '" + unknown + "'");
    }

    /** A solved child of the best block, made on the node thread but not handed to the node. */
    private Block childOfBest(int difficultyShift) throws Exception {
        return n.node.call(() -> {
            BlockNode tip = n.node.state().miningHead();
            ChainBuilder b = ChainBuilder.on(n.node.state(), RpcTestNode.MINER);
            Block t = b.template(tip, tip.block().tailer().timestamp() + 1, Collections.nCopies(4, List.of()));
            BlockTailer tailer = t.tailer();
            return ChainBuilder.solve(new Block(
                    t.header(),
                    t.numTxs(),
                    t.merkles(),
                    t.prevTxhashes(),
                    new BlockTailer(tailer.timestamp(), tailer.difficulty() - difficultyShift, 0)));
        });
    }

    @Test
    void submitblockAttachesAndAnnouncesAGoodBlockAndNamesTheRuleABadOneBreaks() throws Exception {
        n.result("generate", 1);
        Block good = childOfBest(0);
        String id = BlockIds.id(good).hex();
        assertThat(n.result("submitblock", Hex.encode(BlockCodec.encode(good))).asText())
                .isEqualTo(id);
        assertThat(n.result("getinfo").get("preferred_chain").get("sha").asText())
                .isEqualTo(id);
        assertThat(n.result("submitblock", Hex.encode(BlockCodec.encode(good))).asText())
                .as("known")
                .isEqualTo(id);

        Block wrongDifficulty = childOfBest(1);
        assertThat(n.error("submitblock", Hex.encode(BlockCodec.encode(wrongDifficulty))))
                .isEqualTo("PROTOCOL_ECODE_BAD_DIFFICULTY: the block was refused");
        assertThat(n.error("submitblock")).isEqualTo("Need block param");
        assertThat(n.error("submitblock", "xyz")).isEqualTo("Invalid block hex");
        assertThat(n.error("submitblock", "00")).startsWith("PROTOCOL_ECODE_INVALID_LEN: ");
        assertThat(n.result("getinfo").get("preferred_chain").get("sha").asText())
                .as("node unharmed")
                .isEqualTo(id);
    }

    @Test
    void aBlockWithAnUnknownParentIsRefusedAndWaitsAmongTheDetached() throws Exception {
        assertThat(n.result("dev-detachedblocks")).isEmpty();
        Block parent = childOfBest(0);
        Block orphan = n.node.call(() -> {
            ChainBuilder b = new ChainBuilder(new BlockTree(Network.REGTEST), RpcTestNode.MINER);
            BlockNode p = b.tree().add(parent, BlockIds.id(parent));
            return ChainBuilder.solve(b.template(p, parent.tailer().timestamp() + 1));
        });
        String parentId = BlockIds.id(parent).hex();
        assertThat(n.error("submitblock", Hex.encode(BlockCodec.encode(orphan))))
                .isEqualTo(
                        "PROTOCOL_ECODE_PRIV_UNKNOWN_PREV: parent " + parentId + " is unknown; kept until it arrives");
        JsonNode detached = n.result("dev-detachedblocks");
        assertThat(detached).hasSize(1);
        assertThat(detached.get(0).get("height").asInt()).isEqualTo(2);
        assertThat(detached.get(0).get("sha").asText())
                .isEqualTo(BlockIds.id(orphan).hex());
        assertThat(detached.get(0).get("prev").asText()).isEqualTo(parentId);
        // Its parent completes it: both attach.
        n.result("submitblock", Hex.encode(BlockCodec.encode(parent)));
        assertThat(n.result("dev-detachedblocks")).isEmpty();
        assertThat(n.result("getinfo").get("preferred_chain").get("height").asInt())
                .isEqualTo(2);
    }
}
