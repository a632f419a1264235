package org.pettycoin.transport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Hand-made frames, right or wrong, for tests that feed bytes directly. */
final class Frames {
    private static final int HEADER = 8;

    private Frames() {}

    /** A frame header: le32 len, le32 type, whatever they say. */
    static byte[] header(long len, long type) {
        return ByteBuffer.allocate(HEADER)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) len)
                .putInt((int) type)
                .array();
    }

    /** A frame whose length is right for {@code body}. */
    static byte[] frame(long type, byte[] body) {
        return ByteBuffer.allocate(HEADER + body.length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(HEADER + body.length)
                .putInt((int) type)
                .put(body)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        ByteBuffer all =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }
}
