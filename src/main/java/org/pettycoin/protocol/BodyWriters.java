package org.pettycoin.protocol;

import java.util.HashMap;
import java.util.Map;

/**
 * Packet body encoders keyed by record class. Java 17 has no pattern switch over a sealed hierarchy,
 * so this map stands in for one; it is filled once, while {@link PacketCodec} initialises.
 */
final class BodyWriters {
    @FunctionalInterface
    interface Writer<P extends Packet> {
        void write(P packet, ByteWriter w);
    }

    private final Map<Class<? extends Packet>, Writer<Packet>> byClass = new HashMap<>();

    <P extends Packet> BodyWriters add(Class<P> kind, Writer<P> writer) {
        byClass.put(kind, (p, w) -> writer.write(kind.cast(p), w));
        return this;
    }

    void write(Packet p, ByteWriter w) {
        byClass.get(p.getClass()).write(p, w);
    }
}
