package org.pettycoin.protocol;

/**
 * The packets that prove a block invalid (types 24–30; C's complain.c and recv_complain.c). A node keeps the one it
 * accepted with the block and sends it instead of the block's contents from then on.
 */
public sealed interface ComplaintPacket extends Packet
        permits ComplainTxMisorderPacket,
                ComplainTxInvalidPacket,
                ComplainTxBadInputPacket,
                ComplainDoublespendPacket,
                ComplainBadInputRefPacket,
                ComplainTxBadAmountPacket,
                ComplainClaimInputInvalidPacket {}
