package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pettycoin addr}: converts an address between pettycoin and bitcoin-style strings (like petty-addr). */
@Command(
        name = "addr",
        mixinStandardHelpOptions = true,
        description = {
            "Show an address in every form: pettycoin style (P…/q…) and bitcoin style (P-1…/P-m…),",
            "with its raw 20-byte hash and its shard. 'converted' is the other form, as petty-addr prints."
        },
        footer = {"", "Example:", "  pettycoin addr P-muzRJJzenB7uKzokx21W2QGobfDEZfiH1u"})
final class AddrCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ADDRESS", description = "an address in any of the four styles")
    private String address;

    @Override
    public Integer call() {
        AddressCodec.Decoded d = AddressCodec.decode(address.strip())
                .orElseThrow(() -> new UserError(
                        "not a valid pettycoin or bitcoin-style address (bad characters, checksum or version): '"
                                + address + "'"));
        Address a = d.address();
        AddressStyle style = d.style();
        ObjectNode o = Json.object();
        o.put("input", address.strip());
        o.put("network", style.testNet() ? "test" : "main");
        o.put("style", style.bitcoinStyle() ? "bitcoin" : "pettycoin");
        o.put("converted", AddressCodec.encode(a, style.otherForm()));
        o.put("pettycoin", AddressCodec.encode(a, AddressStyle.of(style.testNet(), false)));
        o.put("bitcoin", AddressCodec.encode(a, AddressStyle.of(style.testNet(), true)));
        o.put("raw", a.hex());
        o.put("shard", a.shard(Protocol.INITIAL_SHARD_ORDER));
        o.put("shard16", a.shard(Protocol.MAX_SHARD_ORDER));
        Json.print(spec.commandLine().getOut(), o);
        return 0;
    }
}
