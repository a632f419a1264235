package org.pettycoin.protocol;

/**
 * One network packet (or blockfile record), decoded: a record per wire shape of C's protocol_net.h.
 * Where one packet type has a success and an error shape (BLOCK, TX, CHILDREN, SHARD, TX_IN_BLOCK)
 * each shape is its own record, so no field is ever absent. Every record keeps every byte it was
 * decoded from ({@code unused} fields, and the fields C leaves uninitialised), so that
 * {@link PacketCodec#encode} of a decoded packet gives back the received bytes.
 *
 * <p>Java 17 has no pattern switch over sealed types: dispatch on {@link #type()} and cast, or use
 * {@code instanceof} patterns.
 */
public sealed interface Packet
        permits ErrPacket,
                WelcomePacket,
                GetChildrenPacket,
                ChildrenPacket,
                ChildrenUnknownPacket,
                GetBlockPacket,
                BlockPacket,
                BlockUnknownPacket,
                GetShardPacket,
                ShardPacket,
                ShardErrorPacket,
                GetTxPacket,
                TxPacket,
                TxUnknownPacket,
                HashesInBlockPacket,
                GetTxInBlockPacket,
                TxInBlockPacket,
                TxInBlockUnknownPacket,
                GetTxMapPacket,
                TxMapPacket,
                SetFilterPacket,
                GetPeersPacket,
                PeersPacket,
                TxBadInputPacket,
                TxBadAmountPacket,
                TxDoublespendPacket,
                ComplaintPacket,
                PiggybackPacket {
    PacketType type();
}
