package org.pettycoin.protocol;

/**
 * PKT_TXMAP (17): a bitmap over the shard's txs, bit i LSB-first in byte i/8 (C's peer.c recv_get_txmap). The
 * C sender leaves {@code err} uninitialised on success and the C receiver ignores it, so it is kept
 * as received; whether the bitmap has the {@code (num_txs + 31) / 32 * 4} bytes it must have needs the
 * block, so the receiver checks that.
 */
public record TxMapPacket(Hash256 block, int shard, int err, Bytes bitmap) implements Packet {
    public TxMapPacket {
        Unsigned.requireU16(shard, "shard");
        Unsigned.requireU16(err, "err");
    }

    /** Whether the map marks tx {@code txoff}; bits past the end read as clear. */
    public boolean marks(int txoff) {
        return txoff >= 0 && txoff / 8 < bitmap.size() && bitmap.testBit(txoff);
    }

    @Override
    public PacketType type() {
        return PacketType.TXMAP;
    }
}
