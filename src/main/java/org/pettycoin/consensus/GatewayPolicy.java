package org.pettycoin.consensus;

import org.pettycoin.protocol.Address;

/**
 * {@code accept_gateway} (C's gateways.c): which addresses may inject coins (FROM_GATEWAY, by the
 * address of the signing key) or receive withdrawals (TO_GATEWAY). The FAQ intends gateways chosen
 * by vote; nothing of that exists, so the test network's rule is the only one.
 */
@FunctionalInterface
public interface GatewayPolicy {
    /** Everyone can be a gateway on the test network (gateways.c; the C node asserts test_net). */
    GatewayPolicy TESTNET_ACCEPT_ALL = gateway -> true;

    boolean accepts(Address gateway);
}
