package org.pettycoin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.pettycoin.crypto.AddressCodec;
import org.pettycoin.crypto.AddressStyle;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.PrivateKeyCodec;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.Protocol;
import org.pettycoin.protocol.PublicKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pettycoin key}: key tools. */
@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = "Private key tools.",
        subcommands = {KeyCommand.New.class})
final class KeyCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code pettycoin key new}: like mkpriv, optionally searching for a key in a given shard. */
    @Command(
            name = "new",
            mixinStandardHelpOptions = true,
            description = {
                "Make a new private key and print it with its public key and addresses.",
                "Both networks use test-net strings (the C node only ever runs the test network).",
                "Keep the private key secret: anyone holding it can spend from its address."
            })
    static final class New implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(
                names = "--network",
                paramLabel = "NETWORK",
                defaultValue = "testnet",
                description = "testnet or regtest (default: ${DEFAULT-VALUE})")
        private String network;

        @Option(
                names = "--shard",
                paramLabel = "N",
                description = "search for a key whose address is in shard N (0-3), like mkpriv's shardnum")
        private Integer shard;

        @Override
        public Integer call() {
            GenesisCommand.parseNetwork(network);
            int shards = 1 << Protocol.INITIAL_SHARD_ORDER;
            if (shard != null && (shard < 0 || shard >= shards)) {
                throw new UserError("--shard must be from 0 to " + (shards - 1) + ", got " + shard);
            }
            SecureRandom random = new SecureRandom();
            Secp256k1 secp = Secp256k1.get();
            while (true) {
                PrivateKey key = PrivateKey.random(random);
                PublicKey pub = secp.publicKeyOf(key);
                Address address = Hash160.addressOf(pub);
                if (shard == null || address.shard(Protocol.INITIAL_SHARD_ORDER) == shard) {
                    ObjectNode o = Json.object();
                    o.put("network", network);
                    o.put("private_key", PrivateKeyCodec.encode(key, AddressStyle.PETTYCOIN_TEST));
                    o.put("private_key_bitcoin_style", PrivateKeyCodec.encode(key, AddressStyle.BITCOIN_TEST));
                    o.put("public_key", pub.hex());
                    o.put("address", AddressCodec.encode(address, AddressStyle.PETTYCOIN_TEST));
                    o.put("address_bitcoin_style", AddressCodec.encode(address, AddressStyle.BITCOIN_TEST));
                    o.put("address_raw", address.hex());
                    o.put("shard", address.shard(Protocol.INITIAL_SHARD_ORDER));
                    Json.print(spec.commandLine().getOut(), o);
                    return 0;
                }
            }
        }
    }
}
