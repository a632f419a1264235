package org.pettycoin.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.NetAddress;
import org.pettycoin.protocol.NodeUuid;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.WelcomePacket;

/**
 * Many short connections to one node, each sending a burst of {@link PacketMutator mutated}
 * packets, either as its first words or after a valid WELCOME (with a uuid of its own, so no ban or
 * duplicate check of an earlier connection applies), and noting how the node ended it: the ERR it
 * sent, a close without one, or nothing before we hung up. Plain blocking sockets, one connection at
 * a time per thread, {@link Config#inFlight} threads.
 *
 * <p>The node holds at most {@link org.pettycoin.transport.PeerLimits#MAX_INBOUND_PER_ADDRESS}
 * inbound connections per address, and every connection here is from loopback: each is bound to one
 * of {@link Config#sourceHosts} addresses 127.0.0.2, 127.0.0.3, ... in turn (all loopback on Linux),
 * so the node's own limits stay as they are and the fuzzer keeps within them. Bans are by uuid
 * ({@link Handshake#ban}), so a fresh uuid per connection is never refused for an earlier one's
 * faults.
 */
final class WireFuzzer {
    /**
     * @param target      the node's listening address
     * @param packets     stop once this many packets are written
     * @param seed        each connection's random source is this and its number, so one can be replayed
     * @param inFlight    connections open at once (one thread each)
     * @param sourceHosts loopback addresses the connections come from
     */
    record Config(InetSocketAddress target, long packets, long seed, int inFlight, int sourceHosts) {}

    /** Longest we wait for the node's WELCOME after ours. */
    private static final int WELCOME_MILLIS = 5000;
    /** How long after the burst we listen for the node's verdict before hanging up ourselves. */
    private static final int VERDICT_MILLIS = 400;

    private static final int CONNECT_MILLIS = 5000;

    private final Config config;
    private final PacketMutator mutator;
    private final AtomicLong nextConnection = new AtomicLong();
    final LongAdder packets = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final LongAdder connections = new LongAdder();
    final LongAdder connectFailures = new LongAdder();
    /** How connections ended, by phase and verdict ("after welcome: ERR INVALID_LEN"). */
    private final Map<String, LongAdder> endings = new ConcurrentHashMap<>();

    private final Map<PacketMutator.Kind, LongAdder> kinds = new ConcurrentHashMap<>();

    WireFuzzer(Config config, FuzzCorpus corpus) {
        this.config = config;
        this.mutator = new PacketMutator(corpus);
    }

    /** Runs until {@link Config#packets} are sent; false if the threads did not finish within {@code limitSecs}. */
    boolean run(long limitSecs) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(config.inFlight());
        for (int t = 0; t < config.inFlight(); t++) {
            threads.execute(this::work);
        }
        threads.shutdown();
        if (!threads.awaitTermination(limitSecs, TimeUnit.SECONDS)) {
            threads.shutdownNow();
            return false;
        }
        return true;
    }

    Map<String, Long> endings() {
        return sorted(endings);
    }

    Map<PacketMutator.Kind, Long> kinds() {
        Map<PacketMutator.Kind, Long> out = new EnumMap<>(PacketMutator.Kind.class);
        kinds.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private void work() {
        while (packets.sum() < config.packets() && !Thread.currentThread().isInterrupted()) {
            one(nextConnection.getAndIncrement());
        }
    }

    private InetAddress source(long n) throws IOException {
        int host = 2 + (int) (n % config.sourceHosts());
        return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host});
    }

    private void one(long n) {
        Random r = new Random(config.seed() * 0x9E3779B97F4A7C15L + n);
        boolean afterWelcome = r.nextInt(10) >= 3;
        String phase = afterWelcome ? "after welcome" : "before welcome";
        try (Socket s = new Socket()) {
            s.setSoLinger(true, 0); // let go at once: tens of thousands of TIME_WAITs would use up the ports
            s.setTcpNoDelay(true);
            s.bind(new InetSocketAddress(source(n), 0));
            s.connect(config.target(), CONNECT_MILLIS);
            connections.increment();
            Verdicts in = new Verdicts(s);
            OutputStream out = s.getOutputStream();
            if (afterWelcome) {
                send(out, PacketCodec.encode(welcome()));
                Optional<String> refused = in.awaitWelcome(WELCOME_MILLIS);
                if (refused.isPresent()) {
                    end("at our welcome: " + refused.get());
                    return;
                }
            }
            String ending;
            try {
                burst(r, out, !afterWelcome && r.nextInt(3) == 0);
                ending = in.verdict(VERDICT_MILLIS);
            } catch (IOException cut) {
                // Hung up on mid-burst; what it sent before is still in our buffer.
                ending = in.verdict(VERDICT_MILLIS);
            }
            end(phase + ": " + ending);
        } catch (IOException e) {
            connectFailures.increment();
        }
    }

    private void burst(Random r, OutputStream out, boolean mutatedWelcome) throws IOException {
        int count = 1 + r.nextInt(r.nextInt(4) == 0 ? 200 : 20);
        boolean drip = r.nextInt(50) == 0;
        // A third of the bursts open with a few valid packets, to reach the node in more states.
        int valid = mutatedWelcome || r.nextInt(3) != 0 ? 0 : 1 + r.nextInt(5);
        for (int i = 0; i < count; i++) {
            PacketMutator.Mutant m = i < valid
                    ? mutator.intact(r)
                    : i == 0 && mutatedWelcome
                            ? new PacketMutator.Mutant(
                                    PacketMutator.Kind.BIT_FLIPS,
                                    mutator.apply(PacketMutator.Kind.BIT_FLIPS, PacketCodec.encode(welcome()), r))
                            : mutator.next(r);
            if (drip && i == 0) {
                drip(out, m.bytes(), r);
            } else {
                out.write(m.bytes());
            }
            packets.increment();
            bytes.add(m.bytes().length);
            kinds.computeIfAbsent(m.kind(), k -> new LongAdder()).increment();
        }
        out.flush();
    }

    /** A few bytes at a time, a pause between: the node must neither wait on it forever nor choke. */
    private static void drip(OutputStream out, byte[] b, Random r) throws IOException {
        int at = 0;
        for (int chunk = 0; chunk < 30 && at < b.length; chunk++) {
            int n = Math.min(b.length - at, 1 + r.nextInt(4));
            out.write(b, at, n);
            out.flush();
            at += n;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        out.write(b, at, b.length - at);
    }

    private void send(OutputStream out, byte[] b) throws IOException {
        out.write(b);
        out.flush();
        packets.increment();
        bytes.add(b.length);
    }

    private void end(String how) {
        endings.computeIfAbsent(how, k -> new LongAdder()).increment();
    }

    /** A valid regtest WELCOME at genesis, under a uuid no connection has used. */
    private static WelcomePacket welcome() {
        byte[] u = new byte[NodeUuid.LENGTH];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(u);
        NetAddress you = new NetAddress(0, org.pettycoin.protocol.Bytes.of(new byte[16]), 0, 0, NodeUuid.ZERO);
        return new WelcomePacket(
                1,
                WelcomePacket.moniker("fuzz"),
                0,
                NodeUuid.of(u),
                you,
                WelcomePacket.ALL_INTERESTS,
                Optional.empty());
    }

    /** What the node sends us, read as frames only as far as to find its WELCOME and an ERR. */
    private static final class Verdicts {
        private final Socket socket;
        private final InputStream in;
        private byte[] buf = new byte[16 * 1024];
        private int have;
        private boolean welcomed;
        private Optional<String> error = Optional.empty();

        Verdicts(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
        }

        /** Empty once the node's WELCOME came; else how the connection ended first. */
        Optional<String> awaitWelcome(int millis) throws IOException {
            long deadline = System.currentTimeMillis() + millis;
            while (!welcomed) {
                Optional<String> end = readSome(deadline);
                if (end.isPresent()) {
                    return end;
                }
                if (error.isPresent()) {
                    return error;
                }
            }
            return Optional.empty();
        }

        /** The ERR it sent, or how it closed without one, or that it left the connection open. */
        String verdict(int millis) {
            long deadline = System.currentTimeMillis() + millis;
            while (error.isEmpty()) {
                Optional<String> end = readSome(deadline);
                if (end.isPresent()) {
                    return error.orElse(end.get());
                }
            }
            return error.get();
        }

        /** Reads what comes until {@code deadline}; empty while the connection is open. */
        private Optional<String> readSome(long deadline) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return Optional.of("left open (we hung up)");
            }
            try {
                socket.setSoTimeout((int) Math.max(1, left));
                if (have == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, have, buf.length - have);
                if (n < 0) {
                    return Optional.of("closed without ERR");
                }
                have += n;
                frames();
                return Optional.empty();
            } catch (SocketTimeoutException e) {
                return Optional.of("left open (we hung up)");
            } catch (SocketException e) {
                return Optional.of("reset without ERR");
            } catch (IOException e) {
                return Optional.of("read failed: " + e.getClass().getSimpleName());
            }
        }

        private void frames() {
            ByteBuffer b = ByteBuffer.wrap(buf, 0, have).order(ByteOrder.LITTLE_ENDIAN);
            int at = 0;
            while (have - at >= Protocol.PACKET_HEADER_LEN) {
                long len = Integer.toUnsignedLong(b.getInt(at));
                if (len < Protocol.PACKET_HEADER_LEN || len > Protocol.MAX_PACKET_LEN) {
                    error = Optional.of("node sent a frame of length " + len);
                    return;
                }
                if (have - at < len) {
                    break;
                }
                int type = b.getInt(at + 4);
                if (type == PacketType.WELCOME.code()) {
                    welcomed = true;
                } else if (type == PacketType.ERR.code() && len >= Protocol.PACKET_HEADER_LEN + 4) {
                    long code = Integer.toUnsignedLong(b.getInt(at + Protocol.PACKET_HEADER_LEN));
                    error = Optional.of("ERR "
                            + ErrorCode.fromCode(code).map(ErrorCode::cName).orElse("code " + code));
                }
                at += (int) len;
            }
            System.arraycopy(buf, at, buf, 0, have - at);
            have -= at;
        }
    }
}
