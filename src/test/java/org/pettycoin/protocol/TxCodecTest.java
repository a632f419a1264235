package org.pettycoin.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** unmarshal_tx's checks, in its order, each with its ecode (C's marshal.c). */
class TxCodecTest {
    private static final int TYPE_OFFSET = 1;
    private static final int NUM_INPUTS_OFFSET = 64;
    private static final int NUM_OUTPUTS_OFFSET = 36;

    private static void assertFails(byte[] bytes, ErrorCode code) {
        assertThatThrownBy(() -> TxCodec.decode(bytes))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] withByte(byte[] bytes, int offset, int v) {
        byte[] b = bytes.clone();
        b[offset] = (byte) v;
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void shorterThanTheHeaderIsInvalidLenEvenWithABadVersion(int size) {
        assertFails(new byte[size], ErrorCode.INVALID_LEN);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 0xff})
    void anyVersionButOneIsTxHighVersionBeforeTheTypeIsLookedAt(int version) {
        assertFails(withByte(withByte(Samples.NORMAL, 0, version), TYPE_OFFSET, 0x7f), ErrorCode.TX_HIGH_VERSION);
        assertFails(new byte[] {(byte) version, 0, 0}, ErrorCode.TX_HIGH_VERSION);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 0x7f, 0x84, 0xff})
    void unknownTypeIsTxTypeUnknownWhateverTheFeeBit(int typeByte) {
        assertFails(withByte(Samples.NORMAL, TYPE_OFFSET, typeByte), ErrorCode.TX_TYPE_UNKNOWN);
    }

    @Test
    void feeBitIsPartOfTheTypeByteNotTheKind() throws ProtocolException {
        Tx tx = TxCodec.decode(withByte(Samples.NORMAL, TYPE_OFFSET, 0x80));
        assertThat(tx.type()).isEqualTo(TxType.NORMAL);
        assertThat(tx.paysFee()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void transferShorterThanItsFixedPartIsInvalidLen(int kind) {
        byte[] b = withByte(Samples.NORMAL, TYPE_OFFSET, kind);
        assertFails(Arrays.copyOf(b, TransferTx.FIXED_LENGTH - 1), ErrorCode.INVALID_LEN);
        assertFails(Arrays.copyOf(b, 3), ErrorCode.INVALID_LEN);
    }

    @Test
    void fromGatewayShorterThanItsFixedPartOrOutputsIsInvalidLen() {
        assertFails(Arrays.copyOf(Samples.FROM_GATEWAY, FromGatewayTx.FIXED_LENGTH - 1), ErrorCode.INVALID_LEN);
        assertFails(Arrays.copyOf(Samples.FROM_GATEWAY, Samples.FROM_GATEWAY.length - 1), ErrorCode.INVALID_LEN);
        byte[] manyOutputs = Samples.FROM_GATEWAY.clone();
        manyOutputs[NUM_OUTPUTS_OFFSET] = (byte) 0xff;
        manyOutputs[NUM_OUTPUTS_OFFSET + 1] = (byte) 0xff;
        assertFails(manyOutputs, ErrorCode.INVALID_LEN);
    }

    @Test
    void claimShorterThan140IsInvalidLen() {
        byte[] claim = TxCodec.encode(Samples.claim());
        assertThat(claim).hasSize(ClaimTx.LENGTH);
        assertFails(Arrays.copyOf(claim, ClaimTx.LENGTH - 1), ErrorCode.INVALID_LEN);
    }

    @ParameterizedTest
    @ValueSource(longs = {2, 0x7fffffffL, 0x80000000L, 0xffffffffL})
    void hugeInputCountIsInvalidLenWithoutAllocating(long numInputs) {
        // 132 + 36 * 0xffffffff needs 64-bit arithmetic; nothing may be sized from the count.
        assertFails(Mutations.putU32(Samples.NORMAL, NUM_INPUTS_OFFSET, numInputs), ErrorCode.INVALID_LEN);
    }

    @Test
    void zeroInputsUnmarshalsBecauseOnlyCheckTxRejectsIt() throws ProtocolException {
        byte[] none = Arrays.copyOf(Mutations.putU32(Samples.NORMAL, NUM_INPUTS_OFFSET, 0), TransferTx.FIXED_LENGTH);
        assertThat(TxCodec.decode(none).inputs()).isEmpty();
    }

    @Test
    void trailingBytesAreInvalidLenUnlessTheCallerTakesTheRemainder() throws ProtocolException {
        byte[] longer = Arrays.copyOf(Samples.NORMAL, Samples.NORMAL.length + 3);
        assertFails(longer, ErrorCode.INVALID_LEN);
        ByteReader r = new ByteReader(longer);
        assertThat(TxCodec.encode(TxCodec.decode(r))).isEqualTo(Samples.NORMAL);
        assertThat(r.remaining()).isEqualTo(3);
    }

    @Test
    void refsNeedEightBytesPerInput() throws ProtocolException {
        assertThatThrownBy(() -> TxCodec.decodeRefs(new ByteReader(new byte[15]), 2))
                .isInstanceOfSatisfying(
                        ProtocolException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_LEN));
        List<InputRef> refs = List.of(new InputRef(0xffffffffL, 0xffff, 0xff, 0xff), new InputRef(0, 0, 0));
        assertThat(TxCodec.decodeRefs(new ByteReader(TxCodec.encodeRefs(refs)), 2))
                .isEqualTo(refs);
    }
}
