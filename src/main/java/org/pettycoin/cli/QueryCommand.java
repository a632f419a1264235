package org.pettycoin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pettycoin.rpc.RpcClient;
import org.pettycoin.store.DataDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pettycoin query}: C's {@code pettycoin-query} (pettycoin-query.c). Sends one command to the
 * running node over its JSON-RPC socket and prints the result as indented JSON. As in C, an
 * argument of digits only is sent as a number and one starting with {@code "} as the JSON string it
 * is; anything else is sent as a string. Exits 1, with a line on stderr, if the node cannot be
 * reached or the command fails.
 */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        description = {
            "Send a JSON-RPC command to the running node and print its result.",
            "Try 'pettycoin query help' for the commands."
        })
final class QueryCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** C's request id prefix, followed by the process id. */
    private static final String ID_PREFIX = "pettycoin_query-";

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--pettycoin-dir",
            paramLabel = "DIR",
            description = "data directory of the node (default: $HOME/.pettycoin)")
    private Path dir;

    @Option(
            names = "--rpc-file",
            paramLabel = "FILE",
            defaultValue = DataDir.RPC_FILE_NAME,
            description = "the node's JSON-RPC socket, relative to the data directory (default: ${DEFAULT-VALUE})")
    private String rpcFile;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "the command, e.g. getinfo")
    private String method;

    @Parameters(index = "1..*", paramLabel = "ARG", description = "its parameters, in order")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Path socket = (dir != null ? dir : DataDir.defaultPath()).resolve(rpcFile);
        ArrayNode params = MAPPER.createArrayNode();
        for (String a : args) {
            params.add(param(a));
        }
        RpcClient.Response r;
        try (RpcClient client = connect(socket)) {
            r = client.call(
                    method, TextNode.valueOf(ID_PREFIX + ProcessHandle.current().pid()), params);
        } catch (IOException e) {
            throw new UserError("talking to the node at " + socket + ": " + e.getMessage());
        }
        if (!r.ok()) {
            throw new UserError(r.error().orElseThrow());
        }
        Json.print(spec.commandLine().getOut(), r.result());
        return 0;
    }

    private static RpcClient connect(Path socket) {
        try {
            return RpcClient.connect(socket);
        } catch (IOException e) {
            throw new UserError("cannot reach the node at " + socket + ": is it running?");
        }
    }

    /**
     * Digits only: a number, unless a leading zero makes it C's octal (sent as text, which the node
     * reads as C did). A leading {@code "}: the JSON string written. Otherwise: a string.
     */
    static JsonNode param(String arg) {
        if (!arg.isEmpty()
                && arg.chars().allMatch(c -> c >= '0' && c <= '9')
                && (arg.length() == 1 || arg.charAt(0) != '0')) {
            return MAPPER.getNodeFactory().numberNode(new BigInteger(arg));
        }
        if (arg.startsWith("\"")) {
            try {
                JsonNode n = MAPPER.readTree(arg);
                if (n != null && n.isTextual()) {
                    return n;
                }
            } catch (JsonProcessingException e) {
                throw new UserError("not a JSON string: " + arg);
            }
            throw new UserError("not a JSON string: " + arg);
        }
        return TextNode.valueOf(arg);
    }
}
