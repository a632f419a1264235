package org.pettycoin.cli;

import org.pettycoin.chainstate.ChainState;
import org.pettycoin.chainstate.PendingPool;
import org.pettycoin.store.DataDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The C node's options ({@code pettycoin.c} main) that {@code pettycoin node} has no option of its
 * own for, so that a C node's command line and {@code config} file start ours: the fee policy,
 * which maps onto the pending pool's, and {@code --generator}, which does not apply.
 */
final class CNodeOptions {
    private static final Logger LOG = LoggerFactory.getLogger(CNodeOptions.class);
    /** C's {@code setup_jsonrpc} serves one session on the terminal for this name. */
    static final String TERMINAL = "/dev/tty";

    @Option(
            names = "--require-fees",
            description = "never mine normal, to-gateway or claim txs without a fee (they are still relayed)")
    private boolean requireFees;

    @Option(
            names = "--require-gateway-fees",
            description = "never mine gateway txs without a fee (they are still relayed)")
    private boolean requireGatewayFees;

    @Option(
            names = "--generator",
            paramLabel = "PATH",
            description = "the C node's block generator program: accepted and ignored, this node mines itself")
    private String generator;

    /** The chain state's tunables with this fee policy (C's {@code add_pending_tx} check). */
    ChainState.Config chainConfig() {
        ChainState.Config d = ChainState.Config.DEFAULT;
        return new ChainState.Config(
                d.detachedLimits(), new PendingPool.Policy(requireFees, requireGatewayFees), d.txChecks());
    }

    /** Says once, after logging is set up, what was accepted only to be ignored. */
    void warnIgnored() {
        if (generator != null) {
            LOG.warn("--generator {} ignored: this node mines in-process (with --reward-address)", generator);
        }
    }

    /** The socket to serve: C's terminal session is not offered, so it falls back to the default socket. */
    static String rpcSocket(String rpcFile) {
        if (rpcFile.equals(TERMINAL)) {
            LOG.warn(
                    "--rpc-file {}: JSON-RPC on the terminal is not supported; serving {} instead",
                    TERMINAL,
                    DataDir.RPC_FILE_NAME);
            return DataDir.RPC_FILE_NAME;
        }
        return rpcFile;
    }
}
