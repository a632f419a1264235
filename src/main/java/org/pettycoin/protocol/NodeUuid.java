package org.pettycoin.protocol;

import java.security.SecureRandom;

/** The 16 random bytes that identify a running node instance (welcome packet, net addresses). */
public final class NodeUuid extends FixedBytes {
    public static final int LENGTH = 16;
    public static final NodeUuid ZERO = new NodeUuid(new byte[LENGTH]);

    private NodeUuid(byte[] bytes) {
        super(bytes, LENGTH);
    }

    public static NodeUuid of(byte[] bytes) {
        return new NodeUuid(bytes);
    }

    public static NodeUuid random(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new NodeUuid(b);
    }
}
