package org.pettycoin.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.FeatureVotes;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.testing.RpcTestNode;
import org.pettycoin.testing.TestNodes;
import org.pettycoin.testing.WithRpcNode;

/**
 * Feature votes as an operator watches them: getinfo's {@code features} and getblock's
 * {@code pending_features}/{@code active_features} across a lock-in and an activation, at the
 * edges of the windows, and {@code generate} voting as the node's options say.
 */
@Timeout(120)
class FeatureVotesRpcTest extends WithRpcNode {
    private static final int REWARDS = Feature.REWARDS.bit();
    private static final int W = FeatureVotes.VOTE_BLOCKS;

    private JsonNode features() throws Exception {
        return n.result("getinfo").get("features");
    }

    private JsonNode blockAt(long height) throws Exception {
        return n.result("getblock", n.result("getblockhash", height).get(0).asText());
    }

    private void mine(int count, int vote) throws Exception {
        TestNodes.mine(n.node, count, vote);
    }

    private static void assertWindow(JsonNode f, long first, int blocks) {
        JsonNode w = f.get("window");
        assertThat(w.get("first_height").asLong()).isEqualTo(first);
        assertThat(w.get("counted_at").asLong()).isEqualTo(first + W - 1);
        assertThat(w.get("blocks").asInt()).isEqualTo(blocks);
        assertThat(w.get("needed").asInt()).isEqualTo(FeatureVotes.THRESHOLD).isEqualTo(1512);
    }

    @Test
    void aLockInAndAnActivationSeenThroughGetinfoAndGetblockAtTheWindowsEdges() throws Exception {
        JsonNode f = features();
        assertThat(f.get("at").get("height").asInt()).isZero();
        assertThat(f.get("locked_in")).isEmpty();
        assertThat(f.get("active")).isEmpty();
        assertWindow(f, 1, 0);
        assertThat(f.get("window").get("votes").get("rewards").asInt()).isZero();
        assertThat(f.get("window").get("votes").size()).isEqualTo(1);
        assertThat(f.get("window").get("share").get("rewards").asDouble()).isZero();

        // The block before the count: every vote in, nothing locked in yet.
        mine(W - 1, REWARDS);
        f = features();
        assertThat(f.get("at").get("height").asInt()).isEqualTo(W - 1);
        assertWindow(f, 1, W - 1);
        assertThat(f.get("window").get("votes").get("rewards").asInt()).isEqualTo(W - 1);
        assertThat(f.get("window").get("share").get("rewards").asDouble()).isEqualTo(1.0);
        assertThat(f.get("locked_in")).isEmpty();
        assertThat(blockAt(W - 1).get("features_vote").asInt()).isEqualTo(REWARDS);
        assertThat(blockAt(W - 1).get("pending_features").asInt()).isZero();

        // At the count: the whole window, and rewards locked in.
        mine(1, REWARDS);
        f = features();
        assertWindow(f, 1, W);
        assertThat(f.get("window").get("votes").get("rewards").asInt()).isEqualTo(W);
        assertThat(f.get("locked_in")).containsExactly(TextNode.valueOf("rewards"));
        assertThat(f.get("active")).isEmpty();
        assertThat(blockAt(W).get("pending_features").asInt()).isEqualTo(REWARDS);
        assertThat(blockAt(W).get("active_features").asInt()).isZero();

        // After it: a new window, counted 2016 blocks on; this one votes for a bit nobody knows.
        mine(1, 0x02);
        f = features();
        assertWindow(f, W + 1, 1);
        assertThat(f.get("window").get("votes").get("rewards").asInt()).isZero();
        assertThat(f.get("window").get("votes").get("0x02").asInt()).isEqualTo(1);
        assertThat(f.get("window").get("share").get("0x02").asDouble()).isEqualTo(1.0);
        assertThat(f.get("locked_in")).containsExactly(TextNode.valueOf("rewards"));
        assertThat(blockAt(W + 1).get("pending_features").asInt()).isEqualTo(REWARDS);

        // The block before activation: locked in, not active.
        mine(W - 2, 0);
        f = features();
        assertThat(f.get("at").get("height").asInt()).isEqualTo(2 * W - 1);
        assertWindow(f, W + 1, W - 1);
        assertThat(f.get("locked_in")).containsExactly(TextNode.valueOf("rewards"));
        assertThat(f.get("active")).isEmpty();
        assertThat(blockAt(2 * W - 1).get("active_features").asInt()).isZero();

        // At 2016 past the lock-in it is active; this window did not vote for it again, so it is no
        // longer locked in, but what is active stays active.
        mine(1, 0);
        f = features();
        assertWindow(f, W + 1, W);
        assertThat(f.get("window").get("share").get("0x02").asDouble()).isEqualTo(1.0 / W);
        assertThat(f.get("locked_in")).isEmpty();
        assertThat(f.get("active")).containsExactly(TextNode.valueOf("rewards"));
        assertThat(blockAt(2 * W).get("pending_features").asInt()).isZero();
        assertThat(blockAt(2 * W).get("active_features").asInt()).isEqualTo(REWARDS);

        mine(1, 0);
        f = features();
        assertWindow(f, 2 * W + 1, 1);
        assertThat(f.get("active")).containsExactly(TextNode.valueOf("rewards"));
        assertThat(blockAt(2 * W + 1).get("active_features").asInt()).isEqualTo(REWARDS);
        // Unvoted bits drop out of a new window's votes; known features are always listed.
        assertThat(f.get("window").get("votes").has("0x02")).isFalse();
    }

    @Test
    void generateVotesAsTheNodesOptionsSayAndWithoutThemZero() throws Exception {
        assertThat(n.result("getblock", n.result("generate", 1).get(0).asText())
                        .get("features_vote")
                        .asInt())
                .isZero();
        try (RpcTestNode voting = RpcTestNode.start(o -> o.withVotes(REWARDS))) {
            JsonNode b = voting.result(
                    "getblock", voting.result("generate", 2).get(1).asText());
            assertThat(b.get("features_vote").asInt()).isEqualTo(REWARDS);
        }
    }

    @Test
    void aNodeThatDoesNotKnowAFeatureNeitherVotesForItNorNamesIt() throws Exception {
        try (RpcTestNode old = RpcTestNode.start(
                o -> o.withChain(ChainState.Config.DEFAULT.withKnownFeatures(0)).withVotes(REWARDS))) {
            JsonNode b = old.result("getblock", old.result("generate", 1).get(0).asText());
            assertThat(b.get("features_vote").asInt()).isZero();
            TestNodes.mine(old.node, 3, REWARDS);
            JsonNode w = old.result("getinfo").get("features").get("window");
            assertThat(w.get("votes").get("0x01").asInt()).isEqualTo(3);
            assertThat(w.get("votes").has("rewards")).isFalse();
        }
    }
}
