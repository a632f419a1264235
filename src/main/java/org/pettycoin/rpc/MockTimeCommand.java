package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.pettycoin.chain.Network;
import org.pettycoin.daemon.Node;
import org.pettycoin.time.MockTimeClock;

/**
 * setmocktime (ours, as bitcoind's, regtest only): the node's clock starts again at the given Unix
 * time and runs on with real time; 0 puts it back on the system's time. Block timestamp checks,
 * the horizon, mining and the peer cache all read that clock; timers and timeouts do not move.
 */
final class MockTimeCommand {
    private final Node node;

    MockTimeCommand(Node node) {
        this.node = node;
    }

    RpcCommand command() {
        return RpcCommand.of(
                "setmocktime",
                "Set the node's clock (regtest only)",
                "Takes <timestamp>, Unix seconds: the clock runs on from there; 0 goes back to the system's time. "
                        + "Returns mocktime and the node's time",
                List.of("timestamp"),
                this::run);
    }

    private JsonNode run(Params p) throws IOException {
        if (node.options().network() != Network.REGTEST) {
            throw new RpcException("setmocktime works only on regtest; this node is on "
                    + node.options().network().cliName());
        }
        if (!(node.options().clock() instanceof MockTimeClock clock)) {
            throw new RpcException("this node's clock cannot be set");
        }
        JsonNode param = p.get("timestamp").orElseThrow(() -> new RpcException("Need timestamp param"));
        long t = Params.number(param)
                .filter(x -> x <= MockTimeClock.MAX_SECONDS)
                .orElseThrow(() -> new RpcException("timestamp must be a whole number of Unix seconds from 0 to "
                        + MockTimeClock.MAX_SECONDS + " (0: the system's time), not " + Params.shown(param)));
        // On the node thread, so that nothing there sees the time change in the middle of a task.
        return node.call(() -> {
            clock.set(t);
            return RpcJson.object().put("mocktime", clock.mockTime()).put("time", clock.unixSeconds());
        });
    }
}
