package org.pettycoin.http;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.pettycoin.daemon.Node;
import org.pettycoin.protocol.PacketType;
import org.pettycoin.transport.PacketCounts;
import org.pettycoin.transport.Traffic;

/**
 * A node's Prometheus metrics, {@code pettycoin_*} and the JVM's, in a registry of its own (so that
 * nodes sharing a JVM in tests do not mix), written in the Prometheus text format by the client
 * library. The chain and peer figures are sampled once per scrape ({@link NodeSample}, one visit to
 * the node thread); the packet counters are read from the transport's lock-free counts; the
 * blockfile sync histogram is observed on the node thread as each sync ends.
 */
public final class NodeMetrics {
    /** Sync times from a fast SSD (~50 us) to a struggling disk (~4 s). */
    private static final double[] SYNC_BUCKETS = {
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4
    };
    /** Types that never decode (no packet has them), left out of the per-type counters. */
    private static final Set<PacketType> NEVER_ON_THE_WIRE =
            EnumSet.of(PacketType.NONE, PacketType.UNUSED1, PacketType.UNUSED2, PacketType.MAX);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private NodeMetrics() {}

    /** Metrics of {@code node}: registers its collectors and hooks the blockfile's syncs. */
    public static NodeMetrics of(Node node) throws IOException {
        NodeMetrics m = new NodeMetrics();
        m.registry.register(new StateCollector(node));
        m.registry.register(new TrafficCollector(node));
        Histogram sync = Histogram.builder()
                .name("pettycoin_blockfile_sync_seconds")
                .help("Time to force appended blockfile records to the device (fsync), per sync that had any")
                .unit(Unit.SECONDS)
                .classicOnly()
                .classicUpperBounds(SYNC_BUCKETS)
                .register(m.registry);
        node.onBlockfileSync(nanos -> sync.observe(Unit.nanosToSeconds(nanos)));
        JvmMetrics.builder().register(m.registry);
        return m;
    }

    /** A scrape in the Prometheus text format. */
    public Reply scrape() throws IOException {
        MetricSnapshots snapshots;
        try {
            snapshots = registry.scrape();
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the node did not answer: the endpoint says 503
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        writer.write(out, snapshots);
        return new Reply(200, writer.getContentType(), out.toByteArray());
    }

    /** The chain and peer figures, from one {@link NodeSample}. */
    private static final class StateCollector implements MultiCollector {
        private final Node node;

        StateCollector(Node node) {
            this.node = node;
        }

        @Override
        public MetricSnapshots collect() {
            NodeSample s;
            try {
                s = NodeSample.of(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return MetricSnapshots.of(
                    gauge("pettycoin_blocks", "Blocks in the block tree, every branch and the genesis", s.blocks()),
                    GaugeSnapshot.builder()
                            .name("pettycoin_head_height")
                            .help("Height of a chain head: the most-work one (longest), the most-work one "
                                    + "known in full (longest_known, mined on), and the one queries follow (preferred)")
                            .dataPoint(gaugePoint(Labels.of("head", "longest"), s.longestHeight()))
                            .dataPoint(gaugePoint(Labels.of("head", "longest_known"), s.longestKnownHeight()))
                            .dataPoint(gaugePoint(Labels.of("head", "preferred"), s.preferredHeight()))
                            .build(),
                    GaugeSnapshot.builder()
                            .name("pettycoin_peers")
                            .help("Welcomed peers, by who dialled")
                            .dataPoint(gaugePoint(Labels.of("direction", "inbound"), s.inboundPeers()))
                            .dataPoint(gaugePoint(Labels.of("direction", "outbound"), s.outboundPeers()))
                            .build(),
                    gauge(
                            "pettycoin_requests_in_flight",
                            "Requests sent to peers and not yet answered",
                            s.requestsInFlight()),
                    counter(
                            "pettycoin_request_timeouts",
                            "Requests that went unanswered for the timeout (each is asked again)",
                            s.requestTimeouts()),
                    counter("pettycoin_bans", "Peers banned for breaking the protocol", s.bans()),
                    gauge("pettycoin_pending_txs", "Transactions in the pending pool", s.pendingTxs()),
                    gauge("pettycoin_detached_blocks", "Blocks waiting for their parent", s.detachedBlocks()),
                    GaugeSnapshot.builder()
                            .name("pettycoin_blockfile_bytes")
                            .help("Length of the blockfile")
                            .unit(Unit.BYTES)
                            .dataPoint(gaugePoint(Labels.EMPTY, s.blockfileBytes()))
                            .build());
        }
    }

    /** Bytes and packets to and from peers: totals, and by packet type. */
    private static final class TrafficCollector implements MultiCollector {
        private final Node node;

        TrafficCollector(Node node) {
            this.node = node;
        }

        @Override
        public MetricSnapshots collect() {
            Traffic t = node.traffic();
            PacketCounts p = node.packets();
            List<MetricSnapshot> all = new ArrayList<>();
            all.add(CounterSnapshot.builder()
                    .name("pettycoin_peer_bytes")
                    .help("Bytes read from and written to peers, every frame and header included")
                    .unit(Unit.BYTES)
                    .dataPoint(counterPoint(Labels.of("direction", "received"), t.bytesIn()))
                    .dataPoint(counterPoint(Labels.of("direction", "sent"), t.bytesOut()))
                    .build());
            all.add(byType("pettycoin_packets_received", "Packets received and decoded, by type", p::packetsReceived));
            all.add(byType("pettycoin_packets_sent", "Packets sent, by type", p::packetsSent));
            all.add(byType(
                    "pettycoin_packet_bytes_received",
                    "Bytes of the packets received and decoded, by type (whole frames)",
                    p::bytesReceived));
            all.add(byType(
                    "pettycoin_packet_bytes_sent", "Bytes of the packets sent, by type (whole frames)", p::bytesSent));
            return new MetricSnapshots(all);
        }

        private static CounterSnapshot byType(String name, String help, ToLongFunction<PacketType> count) {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
            for (PacketType type : PacketType.values()) {
                if (!NEVER_ON_THE_WIRE.contains(type)) {
                    b.dataPoint(counterPoint(Labels.of("type", type.name()), count.applyAsLong(type)));
                }
            }
            return b.build();
        }
    }

    private static GaugeSnapshot gauge(String name, String help, long value) {
        return GaugeSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(gaugePoint(Labels.EMPTY, value))
                .build();
    }

    private static CounterSnapshot counter(String name, String help, long value) {
        return CounterSnapshot.builder()
                .name(name)
                .help(help)
                .dataPoint(counterPoint(Labels.EMPTY, value))
                .build();
    }

    private static GaugeDataPointSnapshot gaugePoint(Labels labels, long value) {
        return GaugeDataPointSnapshot.builder()
                .labels(labels)
                .value((double) value)
                .build();
    }

    private static CounterDataPointSnapshot counterPoint(Labels labels, long value) {
        return CounterDataPointSnapshot.builder()
                .labels(labels)
                .value((double) value)
                .build();
    }
}
