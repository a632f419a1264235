package org.pettycoin.protocol;

import java.util.Objects;

/**
 * A packet together with its whole frame ({@code le32 len}, {@code le32 type}, body): either the
 * bytes it was decoded from, or its encoding made once, when first asked for. Lets one packet go to
 * many peers, or to the blockfile and then to peers, without encoding it again for each, and costs
 * nothing for a packet nobody writes out (a block offered and found known). The frame is shared,
 * never copied: nobody may change it. Safe to read from any thread: two threads asking at once may
 * both encode, and get the same bytes.
 */
public final class EncodedPacket {
    private final Packet packet;
    private volatile byte[] frame;

    private EncodedPacket(Packet packet, byte[] frame) {
        this.packet = Objects.requireNonNull(packet);
        this.frame = frame;
    }

    /** {@code packet}, encoded once when its frame is first needed. */
    public static EncodedPacket of(Packet packet) {
        return new EncodedPacket(packet, null);
    }

    /**
     * A packet with the frame it was decoded from. The codec is byte-exact (a decoded packet
     * re-encodes to the bytes received), so this frame is what {@link #of} would give.
     */
    public static EncodedPacket decoded(Packet packet, byte[] frame) {
        return new EncodedPacket(packet, Objects.requireNonNull(frame));
    }

    public Packet packet() {
        return packet;
    }

    /** The whole frame; shared, so never modify it. */
    public byte[] frame() {
        byte[] f = frame;
        if (f == null) {
            f = PacketCodec.encode(packet);
            frame = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return packet.type().cName() + " (" + frame().length + " bytes)";
    }
}
