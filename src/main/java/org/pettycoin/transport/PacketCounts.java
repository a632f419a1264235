package org.pettycoin.transport;

import java.util.concurrent.atomic.LongAdder;
import org.pettycoin.protocol.PacketType;

/**
 * Packets and their frame bytes received and sent per packet type, over every connection of one
 * transport since it started. Counted on the I/O threads where a frame is decoded or encoded: one
 * striped add per packet, no allocation; read from any thread (a metrics scrape).
 */
public final class PacketCounts {
    /** A frame's {@code le32 type} follows its {@code le32 len} (C's protocol_net.h protocol_net_hdr). */
    private static final int TYPE_OFFSET = 4;

    /** The wire numbers run 0..MAX without a gap, so a type's code is its slot. */
    private static final int TYPES = PacketType.MAX.code() + 1;

    private final LongAdder[] packetsIn = adders();
    private final LongAdder[] bytesIn = adders();
    private final LongAdder[] packetsOut = adders();
    private final LongAdder[] bytesOut = adders();

    PacketCounts() {}

    /** Counts nothing: for a node whose transport is not up yet. */
    public static PacketCounts none() {
        return new PacketCounts();
    }

    private static LongAdder[] adders() {
        LongAdder[] a = new LongAdder[TYPES];
        for (int i = 0; i < TYPES; i++) {
            a[i] = new LongAdder();
        }
        return a;
    }

    /** A whole frame, length field included, that decoded. */
    void received(byte[] frame) {
        count(frame, packetsIn, bytesIn);
    }

    /** A whole frame about to be written. */
    void sent(byte[] frame) {
        count(frame, packetsOut, bytesOut);
    }

    private static void count(byte[] frame, LongAdder[] packets, LongAdder[] bytes) {
        int type = typeOf(frame);
        if (type >= 0 && type < TYPES) {
            packets[type].increment();
            bytes[type].add(frame.length);
        }
    }

    private static int typeOf(byte[] frame) {
        if (frame.length < TYPE_OFFSET + 4) {
            return -1;
        }
        long t = (frame[TYPE_OFFSET] & 0xffL)
                | (frame[TYPE_OFFSET + 1] & 0xffL) << 8
                | (frame[TYPE_OFFSET + 2] & 0xffL) << 16
                | (frame[TYPE_OFFSET + 3] & 0xffL) << 24;
        return t < TYPES ? (int) t : -1;
    }

    public long packetsReceived(PacketType t) {
        return packetsIn[t.code()].sum();
    }

    public long bytesReceived(PacketType t) {
        return bytesIn[t.code()].sum();
    }

    public long packetsSent(PacketType t) {
        return packetsOut[t.code()].sum();
    }

    public long bytesSent(PacketType t) {
        return bytesOut[t.code()].sum();
    }
}
