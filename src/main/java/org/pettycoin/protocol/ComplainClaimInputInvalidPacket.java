package org.pettycoin.protocol;

/** PKT_COMPLAIN_CLAIM_INPUT_INVALID (30): a claim tx in a block and the reward tx it names, which it may not claim. */
public record ComplainClaimInputInvalidPacket(TxWithProof claim, TxWithProof reward) implements ComplaintPacket {
    @Override
    public PacketType type() {
        return PacketType.COMPLAIN_CLAIM_INPUT_INVALID;
    }
}
