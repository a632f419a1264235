package org.pettycoin.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * One JSON-RPC command: its name and help texts (C's, from its json_command entries), the names its positional
 * parameters bind to, and what it does.
 *
 * @param stopsNode after its response is written the node is asked to shut down ({@code stop})
 */
record RpcCommand(
        String name, String description, String details, List<String> paramNames, Handler handler, boolean stopsNode) {
    RpcCommand {
        paramNames = List.copyOf(paramNames);
    }

    /** What a command does; runs on the client's thread and reaches state only through {@code Node.call}. */
    @FunctionalInterface
    interface Handler {
        JsonNode run(Params params) throws IOException;
    }

    static RpcCommand of(String name, String description, String details, List<String> paramNames, Handler h) {
        return new RpcCommand(name, description, details, paramNames, h, false);
    }
}
