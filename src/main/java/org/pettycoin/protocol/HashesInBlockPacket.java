package org.pettycoin.protocol;

/** PKT_HASHES_IN_BLOCK (13): one tx's txrefhash with its proof. C accepts it but never sends it. */
public record HashesInBlockPacket(Proof proof, TxRefHash hashes) implements Packet {
    @Override
    public PacketType type() {
        return PacketType.HASHES_IN_BLOCK;
    }
}
