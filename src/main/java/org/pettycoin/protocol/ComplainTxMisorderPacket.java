package org.pettycoin.protocol;

/** PKT_COMPLAIN_TX_MISORDER (24): two txs of one block and shard that are not in canonical order. */
public record ComplainTxMisorderPacket(TxWithProof tx1, TxWithProof tx2) implements ComplaintPacket {
    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_TX_MISORDER;
    }
}
