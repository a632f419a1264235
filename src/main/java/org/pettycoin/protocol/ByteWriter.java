package org.pettycoin.protocol;

import java.util.Arrays;
import java.util.List;

/** A growable little-endian byte buffer for encoding wire structures. */
public final class ByteWriter {
    private byte[] buf;
    private int size;

    public ByteWriter() {
        this(256);
    }

    public ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }

    public int size() {
        return size;
    }

    public ByteWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public ByteWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    public ByteWriter u32(long v) {
        ensure(4);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 24);
        return this;
    }

    public ByteWriter u64(long v) {
        u32(v);
        return u32(v >>> 32);
    }

    public ByteWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public ByteWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    public ByteWriter bytes(Bytes b) {
        ensure(b.size());
        b.copyTo(buf, size);
        size += b.size();
        return this;
    }

    public ByteWriter bytes(FixedBytes b) {
        ensure(b.length());
        b.copyTo(buf, size);
        size += b.length();
        return this;
    }

    public ByteWriter hashes(List<Hash256> hashes) {
        for (Hash256 h : hashes) {
            bytes(h);
        }
        return this;
    }

    /** Overwrites the le32 at {@code offset} (for length fields written before the body). */
    public ByteWriter putU32At(int offset, long v) {
        buf[offset] = (byte) v;
        buf[offset + 1] = (byte) (v >>> 8);
        buf[offset + 2] = (byte) (v >>> 16);
        buf[offset + 3] = (byte) (v >>> 24);
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
