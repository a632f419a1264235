package org.pettycoin.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.pettycoin.consensus.TxHashes;
import org.pettycoin.consensus.TxSigning;
import org.pettycoin.crypto.Hash160;
import org.pettycoin.crypto.PrivateKey;
import org.pettycoin.crypto.Secp256k1;
import org.pettycoin.protocol.Address;
import org.pettycoin.protocol.FromGatewayTx;
import org.pettycoin.protocol.GatewayPayment;
import org.pettycoin.protocol.Hash256;
import org.pettycoin.protocol.Input;
import org.pettycoin.protocol.NormalTx;
import org.pettycoin.protocol.Tx;

/**
 * A deterministic stream of valid transactions for benchmarks and long tests: gateway deposits to a
 * set of keys, and payments between those keys that spend outputs from earlier blocks (each output
 * once), paying change back. Any key may act as a gateway on the test networks (docs/c-differences.md #9).
 */
public final class TxWorkload {
    private static final long DEPOSIT = 1_000_000;

    /** An unspent output: who owns it, where it is, how much it holds. */
    private record Coin(int owner, Input input, long amount) {}

    private final TxSigning signing = new TxSigning();
    private final PrivateKey gateway;
    private final PrivateKey[] keys;
    private final Address[] addresses;
    private final Random random;
    /** Spendable: outputs of txs in blocks already handed out. */
    private final Deque<Coin> spendable = new ArrayDeque<>();
    /** Outputs of the txs of the block being made: spendable from the next block on. */
    private final List<Coin> fresh = new ArrayList<>();
    /** Deposits made so far: each one's amount is another, so no two deposits are the same tx. */
    private long deposits;

    public TxWorkload(int numKeys, long seed) {
        this.random = new Random(seed);
        this.gateway = key(0xff);
        this.keys = new PrivateKey[numKeys];
        this.addresses = new Address[numKeys];
        for (int i = 0; i < numKeys; i++) {
            keys[i] = key(i + 1);
            addresses[i] = Hash160.addressOf(Secp256k1.get().publicKeyOf(keys[i]));
        }
    }

    private static PrivateKey key(int n) {
        byte[] b = new byte[PrivateKey.LENGTH];
        Arrays.fill(b, (byte) 0x11);
        b[0] = (byte) (n >> 8);
        b[1] = (byte) n;
        return PrivateKey.of(b);
    }

    /**
     * The txs of the next block: {@code count} in all, payments of earlier outputs where there are
     * any (up to half the block), deposits for the rest.
     */
    public List<Tx> nextBlock(int count) {
        List<Tx> txs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            txs.add(i % 2 == 1 && !spendable.isEmpty() ? payment() : deposit());
        }
        spendable.addAll(fresh);
        fresh.clear();
        return txs;
    }

    private Tx deposit() {
        int to = random.nextInt(keys.length);
        // An amount of its own keeps every deposit's txid distinct. (A random one did not: among
        // 100,000 deposits some drew the same key and amount, one tx twice, and its output was
        // then spent twice: a double spend in a long bench chain.)
        long amount = DEPOSIT + deposits++;
        FromGatewayTx tx = signing.fromGateway(gateway, List.of(new GatewayPayment(amount, addresses[to])), false);
        fresh.add(new Coin(to, new Input(TxHashes.txid(tx), 0), amount));
        return tx;
    }

    private Tx payment() {
        Coin coin = spendable.removeFirst();
        int to = random.nextInt(keys.length);
        long send = coin.amount() <= 1 ? coin.amount() : 1 + random.nextInt((int) (coin.amount() - 1));
        NormalTx tx = signing.normal(
                keys[coin.owner()], addresses[to], send, coin.amount() - send, List.of(coin.input()), false);
        Hash256 txid = TxHashes.txid(tx);
        fresh.add(new Coin(to, new Input(txid, 0), send));
        if (coin.amount() - send > 0) {
            fresh.add(new Coin(coin.owner(), new Input(txid, 1), coin.amount() - send));
        }
        return tx;
    }
}
