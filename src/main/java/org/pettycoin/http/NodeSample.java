package org.pettycoin.http;

import java.io.IOException;
import org.pettycoin.chain.ChainHeads;
import org.pettycoin.chainstate.ChainState;
import org.pettycoin.daemon.Node;
import org.pettycoin.net.PeerInfo;
import org.pettycoin.net.PeerNetwork;

/**
 * What one scrape shows of the chain state and the peer protocol, read in one visit to the node
 * thread so that the figures agree with each other.
 *
 * @param blocks blocks in the tree, every branch and the genesis
 * @param longestHeight height of the first most-work head
 * @param longestKnownHeight height of the first most-work head we know all of (the one we mine on)
 * @param preferredHeight height of the chain queries follow
 * @param inboundPeers welcomed peers that dialled us
 * @param outboundPeers welcomed peers we dialled
 * @param requestsInFlight requests sent and not yet answered
 * @param requestTimeouts requests that timed out since start
 * @param bans peers banned since start
 * @param pendingTxs txs in the pending pool
 * @param detachedBlocks blocks held until their parent arrives
 * @param blockfileBytes the blockfile's length
 */
record NodeSample(
        int blocks,
        long longestHeight,
        long longestKnownHeight,
        long preferredHeight,
        int inboundPeers,
        int outboundPeers,
        int requestsInFlight,
        long requestTimeouts,
        long bans,
        int pendingTxs,
        int detachedBlocks,
        long blockfileBytes) {

    /** Reads the sample on the node thread (at most its call timeout). */
    static NodeSample of(Node node) throws IOException {
        return node.call(() -> read(node));
    }

    private static NodeSample read(Node node) {
        ChainState s = node.state();
        ChainHeads heads = s.tree().heads();
        PeerNetwork net = node.network();
        int in = 0;
        int out = 0;
        for (PeerInfo p : net.peerInfo()) {
            if (!p.welcomed()) {
                continue;
            }
            if (p.inbound()) {
                in++;
            } else {
                out++;
            }
        }
        return new NodeSample(
                s.tree().size(),
                heads.longestChains().get(0).height(),
                heads.longestKnowns().get(0).height(),
                heads.preferred().height(),
                in,
                out,
                net.requestsInFlight(),
                net.requestTimeouts(),
                net.bans(),
                s.pending().size(),
                s.detached().size(),
                node.blockfileBytes());
    }
}
