package org.pettycoin.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.Feature;
import org.pettycoin.chain.FeatureVotes;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.testing.Await;
import org.pettycoin.testing.TestNodes;
import org.slf4j.LoggerFactory;

/**
 * C's new_longest warning: a node that does not know a feature the network has locked in says so
 * once per run, when a chain with it locked in becomes its longest; a node that knows it does not.
 */
@Timeout(120)
class FeatureWarningTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(FeatureWarning.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    private List<String> warnings() {
        return logged.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void theDateIsTheBlocksPlusHalfTheConfirmDelayInTargetTimesAsARealUtcDate() {
        long lateOnDecember1 = LocalDate.of(2026, 12, 1).atTime(22, 0).toEpochSecond(ZoneOffset.UTC);
        // 2016 × 10 s / 2 = 2 h 48 min: past midnight.
        assertThat(FeatureVotes.CONFIRM_DELAY * 10L / 2).isEqualTo(10_080);
        assertThat(FeatureWarning.before(lateOnDecember1)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(FeatureWarning.before(lateOnDecember1 - 3 * 3600)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(FeatureWarning.line(0x01, lateOnDecember1))
                .isEqualTo("WARNING: unknown features 0x01 voted in! Update your client! (Before 2026-12-02)");
    }

    @Test
    void anOldNodeSyncingAChainWithRewardsLockedInWarnsOncePerRunAndANodeThatKnowsItNever() throws Exception {
        try (TestNodes nodes = new TestNodes(dir, TestNodes.HOUR_AFTER_GENESIS)) {
            Node current = nodes.start("current");
            // One window short of the count, then the counting block: rewards is locked in at 2016.
            TestNodes.mine(current, FeatureVotes.VOTE_BLOCKS - 1, Feature.REWARDS.bit());
            assertThat(on(current, () -> current.state().miningHead().pendingFeatures()))
                    .isZero();
            BlockNode lockIn = TestNodes.mine(current, 1, Feature.REWARDS.bit());
            assertThat(lockIn.pendingFeatures()).isEqualTo(Feature.REWARDS.bit());
            TestNodes.mine(current, 10, 0);
            assertThat(warnings()).as("a node that knows the feature").isEmpty();

            Node.Options oldOptions = nodes.options("old", TestNodes.address(current))
                    .withChain(ChainState.Config.DEFAULT.withKnownFeatures(0));
            Node old = nodes.start(oldOptions);
            awaitHeight(old, lockIn.height() + 10);
            String expected = FeatureWarning.line(0x01, lockIn.block().tailer().timestamp());
            assertThat(warnings()).containsExactly(expected);

            // More of that chain, heads moving on: still the one warning this run.
            TestNodes.mine(current, 5, 0);
            awaitHeight(old, lockIn.height() + 15);
            assertThat(warnings()).containsExactly(expected);

            // A new run finds it again, this time in its own blockfile.
            nodes.stop(old);
            Node again = nodes.start(oldOptions);
            assertThat(on(again, () -> again.state().miningHead().height())).isEqualTo(lockIn.height() + 15);
            assertThat(warnings()).hasSize(2);
            assertThat(warnings().get(1)).startsWith("WARNING: unknown features 0x01 voted in!");
        }
    }

    private static void awaitHeight(Node n, long height) throws Exception {
        Await.until(
                "height " + height,
                LIMIT,
                () -> on(n, () -> n.state().miningHead().height()) >= height);
    }

    private static <T> T on(Node n, Callable<T> c) throws IOException {
        return n.call(c);
    }
}
