package org.pettycoin.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pettycoin.protocol.Hash256;

class RequestSchedulerTest {
    private static final RequestScheduler.Config SMALL = new RequestScheduler.Config(4, 2, 8, 1000, 100, 500, 3);

    private static Request block(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        return Request.block(Hash256.of(b));
    }

    @Test
    void eachRequestGoesToOnePeerAndPeersShareTheWork() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        s.peerJoined("b");
        for (int i = 0; i < 10; i++) {
            s.want(block(i));
        }
        s.want(block(3));
        assertThat(s.size()).isEqualTo(10);
        List<Request> toA = s.nextFor("a", 0);
        List<Request> toB = s.nextFor("b", 0);
        assertThat(toA).hasSize(4);
        assertThat(toB).hasSize(4).doesNotContainAnyElementsOf(toA);
        assertThat(s.nextFor("a", 0)).isEmpty();
        assertThat(s.inFlightCount()).isEqualTo(8);
    }

    @Test
    void answersGrowTheWindowAndFreeTheSlot() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        for (int i = 0; i < 20; i++) {
            s.want(block(i));
        }
        List<Request> sent = s.nextFor("a", 0);
        for (Request r : sent) {
            s.done(r, Optional.of("a"), 0);
        }
        assertThat(s.window("a")).isEqualTo(8);
        assertThat(s.inFlightTo("a")).isZero();
        assertThat(s.nextFor("a", 0)).hasSize(8);
    }

    @Test
    void urgentKindsGoFirst() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        s.want(Request.children(block(1).id()));
        s.want(Request.shard(block(2).id(), 1));
        s.want(block(3));
        assertThat(s.nextFor("a", 0))
                .extracting(Request::kind)
                .containsExactly(Request.Kind.BLOCK, Request.Kind.SHARD, Request.Kind.CHILDREN);
    }

    @Test
    void aRefusalSendsTheRequestElsewhereAndBackToTheRefuserOnlyLaterAndNotForever() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        s.peerJoined("b");
        s.want(block(1));
        assertThat(s.nextFor("a", 0)).containsExactly(block(1));
        s.failed(block(1), "a", 0);
        assertThat(s.inFlightTo("a")).isZero();
        assertThat(s.nextFor("a", 100)).isEmpty();
        assertThat(s.nextFor("b", 100)).containsExactly(block(1));
        s.failed(block(1), "b", 100);
        assertThat(s.nextFor("b", 200)).isEmpty();
        // It may have arrived at a since: asked again once the retry delay has passed.
        assertThat(s.nextFor("a", 500)).containsExactly(block(1));
        // The third refusal gives it up.
        s.failed(block(1), "a", 500);
        assertThat(s.wanted(block(1))).isFalse();
        assertThat(s.size()).isZero();
    }

    @Test
    void aTimeoutHalvesTheWindowAndLetsAnotherPeerTry() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("silent");
        s.peerJoined("honest");
        for (int i = 0; i < 4; i++) {
            s.want(block(i));
        }
        assertThat(s.nextFor("silent", 0)).hasSize(4);
        assertThat(s.expire(999)).isEmpty();
        assertThat(s.expire(1000)).containsExactly("silent");
        assertThat(s.window("silent")).isEqualTo(2);
        assertThat(s.timeouts()).isEqualTo(4);
        assertThat(s.nextFor("honest", 1000)).hasSize(4);
    }

    @Test
    void aLeavingPeerGivesItsRequestsBackAndUnaskedArrivalsFreeSlots() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        s.peerJoined("b");
        for (int i = 0; i < 4; i++) {
            s.want(block(i));
        }
        List<Request> toA = s.nextFor("a", 0);
        // b pushes one of them unasked: a's slot is freed, no window credit.
        s.done(toA.get(0), Optional.of("b"), 0);
        assertThat(s.inFlightTo("a")).isEqualTo(3);
        assertThat(s.window("a")).isEqualTo(4);
        s.peerLeft("a");
        assertThat(s.nextFor("b", 0)).containsExactlyInAnyOrderElementsOf(toA.subList(1, 4));
    }

    @Test
    void theRoundTripIsSmoothedAsTcpDoesFromTheFirstAnswerOn() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        for (int i = 0; i < 4; i++) {
            s.want(block(i));
        }
        List<Request> sent = s.nextFor("a", 1000);
        assertThat(s.roundTripMillis("a")).isEmpty();
        // The first sample sets it; each later one moves it an eighth of the way (RFC 6298).
        s.done(sent.get(0), Optional.of("a"), 1080);
        assertThat(s.roundTripMillis("a")).hasValue(80);
        s.done(sent.get(1), Optional.of("a"), 1240);
        assertThat(s.roundTripMillis("a")).hasValue(100); // 80 * 7/8 + 240 / 8
        // A refusal is an answer too.
        s.failed(sent.get(2), "a", 1100);
        assertThat(s.roundTripMillis("a")).hasValue(100); // 100 * 7/8 + 100 / 8
        // So is an answer with no wait at all.
        s.done(sent.get(3), Optional.of("a"), 1000);
        assertThat(s.roundTripMillis("a")).hasValue(88); // 87.5, rounded
    }

    @Test
    void onlyTheAskedPeersAnswerTimesItsRoundTripAndItIsForgottenWhenItLeaves() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        s.peerJoined("b");
        s.want(block(1));
        s.want(block(2));
        s.want(block(3));
        List<Request> toA = s.nextFor("a", 0);
        // b pushes it unasked, or refuses what it was never asked: no sample for either.
        s.done(toA.get(0), Optional.of("b"), 50);
        s.failed(toA.get(1), "b", 50);
        assertThat(s.roundTripMillis("a")).isEmpty();
        assertThat(s.roundTripMillis("b")).isEmpty();
        // A request that timed out is not in flight any more: a late answer times nothing.
        s.expire(SMALL.timeoutMillis());
        s.done(toA.get(1), Optional.of("a"), SMALL.timeoutMillis() + 5);
        assertThat(s.roundTripMillis("a")).isEmpty();
        List<Request> again = s.nextFor("a", 2000);
        s.done(again.get(0), Optional.of("a"), 2030);
        assertThat(s.roundTripMillis("a")).hasValue(30);
        s.peerLeft("a");
        assertThat(s.roundTripMillis("a")).isEmpty();
        s.peerJoined("a");
        assertThat(s.roundTripMillis("a")).isEmpty();
        assertThat(s.roundTripMillis("nobody")).isEmpty();
    }

    @Test
    void forgettingFreesSlotsAndTheWantedSetIsBounded() {
        RequestScheduler<String> s = new RequestScheduler<>(SMALL);
        s.peerJoined("a");
        for (int i = 0; i < 100; i++) {
            assertThat(s.want(block(i))).isTrue();
        }
        assertThat(s.want(block(100))).isFalse();
        s.nextFor("a", 0);
        s.forget(r -> true);
        assertThat(s.size()).isZero();
        assertThat(s.inFlightTo("a")).isZero();
    }

    @Test
    void randomOperationsNeverLeakASlot() {
        java.util.Random random = new java.util.Random(5);
        RequestScheduler<Integer> s = new RequestScheduler<>(SMALL);
        Set<Integer> peers = new HashSet<>();
        List<Request> sent = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 5000; step++) {
            now += random.nextInt(100);
            int op = random.nextInt(7);
            int peer = random.nextInt(4);
            if (op == 0) {
                s.want(block(random.nextInt(60)));
            } else if (op == 1 && peers.add(peer)) {
                s.peerJoined(peer);
            } else if (op == 2 && peers.remove(peer)) {
                s.peerLeft(peer);
            } else if (op == 3 && peers.contains(peer)) {
                List<Request> batch = s.nextFor(peer, now);
                // A shrunk window keeps what is in flight but sends nothing more until it fits.
                assertThat(batch.isEmpty() || s.inFlightTo(peer) <= s.window(peer))
                        .isTrue();
                sent.addAll(batch);
            } else if (op == 4 && !sent.isEmpty()) {
                s.done(sent.remove(random.nextInt(sent.size())), Optional.of(peer), now);
            } else if (op == 5 && !sent.isEmpty()) {
                s.failed(sent.get(random.nextInt(sent.size())), peer, now);
            } else if (op == 6) {
                s.expire(now);
            }
            int total = 0;
            for (int p : peers) {
                total += s.inFlightTo(p);
            }
            assertThat(total).as("step %d", step).isEqualTo(s.inFlightCount());
        }
    }
}
