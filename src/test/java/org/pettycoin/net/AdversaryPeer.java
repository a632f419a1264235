package org.pettycoin.net;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pettycoin.chain.BlockNode;
import org.pettycoin.chain.BlockTree;
import org.pettycoin.mining.MinedBlock;
import org.pettycoin.mining.TxAndRefs;
import org.pettycoin.protocol.BlockPacket;
import org.pettycoin.protocol.BlockUnknownPacket;
import org.pettycoin.protocol.Bytes;
import org.pettycoin.protocol.ChildBlock;
import org.pettycoin.protocol.ChildrenPacket;
import org.pettycoin.protocol.ChildrenUnknownPacket;
import org.pettycoin.protocol.ErrorCode;
import org.pettycoin.protocol.GetBlockPacket;
import org.pettycoin.protocol.GetChildrenPacket;
import org.pettycoin.protocol.GetShardPacket;
import org.pettycoin.protocol.GetTxInBlockPacket;
import org.pettycoin.protocol.GetTxMapPacket;
import org.pettycoin.protocol.GetTxPacket;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Packet;
import org.pettycoin.protocol.PacketCodec;
import org.pettycoin.protocol.PeersPacket;
import org.pettycoin.protocol.Position;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.ShardErrorPacket;
import org.pettycoin.protocol.TxInBlockPacket;
import org.pettycoin.protocol.TxInBlockUnknownPacket;
import org.pettycoin.protocol.TxMapPacket;
import org.pettycoin.protocol.TxUnknownPacket;
import org.pettycoin.protocol.TxWithProof;
import org.pettycoin.protocol.WelcomePacket;

/**
 * A node that lies: it serves a chain built by a {@link org.pettycoin.mining.ChainBuilder}, broken
 * blocks included, to the nodes it dials, answering their requests as an honest node would answer
 * them (blocks, children, shard hashes, txs with proofs, TXMAPs by the asker's interests) and
 * checking nothing. Every connection has a reader thread of its own; a complaint, or anything else
 * it is sent, is noted and otherwise ignored. Closing hangs up on every node.
 */
final class AdversaryPeer implements AutoCloseable {
    private final BlockTree tree;
    private final Map<Hash256, MinedBlock> blocks = new ConcurrentHashMap<>();
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final DescendantsHash descendants = new DescendantsHash();
    private final BlockNode tip;

    /** Serves every block of {@code tree} from genesis to {@code tip}, with the contents in {@code mined}. */
    AdversaryPeer(BlockTree tree, List<MinedBlock> mined, BlockNode tip) {
        this.tree = tree;
        this.tip = tip;
        for (MinedBlock m : mined) {
            blocks.put(m.id(), m);
        }
    }

    /** Dials {@code node}, welcomes with our tip and serves it until closed. */
    void dial(InetSocketAddress node) throws IOException {
        Link l = new Link(node);
        links.add(l);
        // It calls itself one of ours, so that it is sent every complaint kind (a C node is not).
        WelcomePacket plain = HostileClient.welcomePacket(
                HostileClient.randomUuid(), 1, WelcomePacket.ALL_INTERESTS, Optional.empty());
        l.send(new WelcomePacket(
                1,
                WelcomePacket.moniker(Handshake.MONIKER),
                0,
                plain.uuid(),
                plain.you(),
                WelcomePacket.ALL_INTERESTS,
                Optional.of(tip.block())));
        Thread t = new Thread(l::serve, "adversary-" + node.getPort());
        t.setDaemon(true);
        t.start();
    }

    /** Every packet the nodes sent us, in arrival order per node. */
    List<Packet> received() {
        List<Packet> all = new ArrayList<>();
        links.forEach(l -> all.addAll(l.received));
        return all;
    }

    @Override
    public void close() throws IOException {
        for (Link l : links) {
            l.socket.close();
        }
    }

    private synchronized Packet answer(Packet request, WelcomePacket asker) {
        if (request instanceof GetBlockPacket g) {
            return tree.find(g.block())
                    .<Packet>map(b -> new BlockPacket(b.block()))
                    .orElse(new BlockUnknownPacket(g.block()));
        } else if (request instanceof GetChildrenPacket g) {
            Optional<BlockNode> b = tree.find(g.block());
            if (b.isEmpty()) {
                return new ChildrenUnknownPacket(g.block());
            }
            List<ChildBlock> children = new ArrayList<>();
            for (BlockNode c : b.get().children()) {
                children.add(new ChildBlock(c.id(), descendants.of(c)));
            }
            return new ChildrenPacket(g.block(), children);
        } else if (request instanceof GetShardPacket g) {
            MinedBlock m = blocks.get(g.block());
            if (m == null) {
                return new ShardErrorPacket(g.block(), g.shard(), ErrorCode.UNKNOWN_BLOCK);
            }
            return m.shardPackets().stream()
                    .filter(s -> s.shard() == g.shard())
                    .findFirst()
                    .<Packet>map(s -> s)
                    .orElse(new ShardErrorPacket(g.block(), g.shard(), ErrorCode.UNKNOWN_SHARD));
        } else if (request instanceof GetTxInBlockPacket g) {
            return proven(g.position())
                    .<Packet>map(TxInBlockPacket::new)
                    .orElse(new TxInBlockUnknownPacket(ErrorCode.UNKNOWN_TX, g.position()));
        } else if (request instanceof GetTxMapPacket g) {
            MinedBlock m = blocks.get(g.block());
            if (m == null) {
                return new TxMapPacket(g.block(), g.shard(), ErrorCode.UNKNOWN_BLOCK.code(), Bytes.of());
            }
            List<TxAndRefs> shard = m.shards().get(g.shard());
            byte[] bitmap = new byte[(shard.size() + 31) / 32 * 4];
            for (int i = 0; i < shard.size(); i++) {
                if (shard.get(i).tx() instanceof NormalTx n
                        && asker.wantsShard(n.outputAddr().shard(Protocol.MAX_SHARD_ORDER))) {
                    bitmap[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return new TxMapPacket(g.block(), g.shard(), 0, Bytes.of(bitmap));
        } else if (request instanceof GetTxPacket g) {
            return new TxUnknownPacket(g.txid());
        } else if (request instanceof org.pettycoin.protocol.GetPeersPacket) {
            return new PeersPacket(List.of());
        }
        return null;
    }

    private Optional<TxWithProof> proven(Position p) {
        MinedBlock m = blocks.get(p.block());
        if (m == null || p.shard() >= m.shards().size()) {
            return Optional.empty();
        }
        int before = 0;
        for (int s = 0; s < p.shard(); s++) {
            before += m.shards().get(s).size();
        }
        if (p.txoff() >= m.shards().get(p.shard()).size()) {
            return Optional.empty();
        }
        return Optional.of(m.provenTxs().get(before + p.txoff()));
    }

    /** One connection to one node. */
    private final class Link {
        final Socket socket = new Socket();
        final OutputStream out;
        final InputStream in;
        final List<Packet> received = new CopyOnWriteArrayList<>();

        Link(InetSocketAddress node) throws IOException {
            socket.connect(node, 2000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        synchronized void send(Packet p) throws IOException {
            out.write(PacketCodec.encode(p));
            out.flush();
        }

        void serve() {
            try {
                WelcomePacket theirs = (WelcomePacket) read();
                while (true) {
                    Packet p = read();
                    received.add(p);
                    Packet reply = answer(p, theirs);
                    if (reply != null) {
                        send(reply);
                    }
                }
            } catch (IOException | ClassCastException e) {
                // hung up (closed, or the node disconnected us): the thread ends
            }
        }

        private Packet read() throws IOException {
            byte[] header = new byte[4];
            new DataInputStream(in).readFully(header);
            int len = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (len < 8 || len > Protocol.MAX_PACKET_LEN) {
                throw new EOFException("bad length " + len);
            }
            byte[] frame = new byte[len];
            System.arraycopy(header, 0, frame, 0, 4);
            new DataInputStream(in).readFully(frame, 4, len - 4);
            try {
                return PacketCodec.decode(frame);
            } catch (org.pettycoin.protocol.ProtocolException e) {
                throw new IOException("undecodable packet: " + e.getMessage(), e);
            }
        }
    }
}
