package org.pettycoin.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A little-endian cursor over a byte array. Every read is bounds-checked: running past the end is
 * an {@link ErrorCode#INVALID_LEN} {@link ProtocolException}, never an index exception, so a decoder
 * built on it cannot escape with anything else.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private int pos;

    /** Reads {@code buf} (not copied: the caller must not change it while reading). */
    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public ByteReader(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + buf.length);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public int remaining() {
        return end - pos;
    }

    public int position() {
        return pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    /** Fails with {@code INVALID_LEN} unless at least {@code n} bytes remain. */
    public void require(long n, String what) throws ProtocolException {
        if (n < 0 || n > remaining()) {
            throw new ProtocolException(
                    ErrorCode.INVALID_LEN, what + " needs " + n + " bytes, " + remaining() + " left");
        }
    }

    /** Fails with {@code INVALID_LEN} unless every byte was consumed. */
    public void expectEnd(String what) throws ProtocolException {
        if (pos != end) {
            throw new ProtocolException(ErrorCode.INVALID_LEN, what + " has " + remaining() + " trailing bytes");
        }
    }

    public int u8() throws ProtocolException {
        require(1, "u8");
        return buf[pos++] & 0xff;
    }

    /** The unsigned byte at {@code offset} from the cursor, without moving it. */
    public int peekU8(int offset) throws ProtocolException {
        require(offset + 1L, "peek");
        return buf[pos + offset] & 0xff;
    }

    /** The le32 at {@code offset} from the cursor, without moving it. */
    public long peekU32(int offset) throws ProtocolException {
        require(offset + 4L, "peek");
        return le32(buf, pos + offset);
    }

    /** The le16 at {@code offset} from the cursor, without moving it. */
    public int peekU16(int offset) throws ProtocolException {
        require(offset + 2L, "peek");
        return (buf[pos + offset] & 0xff) | (buf[pos + offset + 1] & 0xff) << 8;
    }

    public int u16() throws ProtocolException {
        int v = peekU16(0);
        pos += 2;
        return v;
    }

    public long u32() throws ProtocolException {
        long v = peekU32(0);
        pos += 4;
        return v;
    }

    public long u64() throws ProtocolException {
        require(8, "u64");
        long lo = le32(buf, pos);
        long hi = le32(buf, pos + 4);
        pos += 8;
        return hi << 32 | lo;
    }

    public byte[] bytes(long n) throws ProtocolException {
        require(n, "byte field");
        byte[] out = new byte[(int) n];
        System.arraycopy(buf, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    public Bytes byteString(long n) throws ProtocolException {
        return Bytes.of(bytes(n));
    }

    /** All bytes left. */
    public byte[] rest() throws ProtocolException {
        return bytes(remaining());
    }

    public void skip(long n) throws ProtocolException {
        require(n, "skip");
        pos += (int) n;
    }

    public Hash256 hash() throws ProtocolException {
        return Hash256.of(bytes(Hash256.LENGTH));
    }

    public Address address() throws ProtocolException {
        return Address.of(bytes(Address.LENGTH));
    }

    public PublicKey publicKey() throws ProtocolException {
        return PublicKey.of(bytes(PublicKey.LENGTH));
    }

    public Signature signature() throws ProtocolException {
        return Signature.of(bytes(Signature.LENGTH));
    }

    public NodeUuid uuid() throws ProtocolException {
        return NodeUuid.of(bytes(NodeUuid.LENGTH));
    }

    public List<Hash256> hashes(int count) throws ProtocolException {
        require((long) count * Hash256.LENGTH, "hash list");
        List<Hash256> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(hash());
        }
        return List.copyOf(out);
    }

    /** A reader over the next {@code n} bytes; this reader moves past them. */
    public ByteReader slice(long n) throws ProtocolException {
        require(n, "slice");
        ByteReader r = new ByteReader(buf, pos, (int) n);
        pos += (int) n;
        return r;
    }

    static long le32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
}
