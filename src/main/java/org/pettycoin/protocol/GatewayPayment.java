package org.pettycoin.protocol;

/** One output of a from-gateway tx ({@code protocol_gateway_payment}, 24 bytes). */
public record GatewayPayment(long sendAmount, Address outputAddr) {
    public static final int LENGTH = 24;

    public GatewayPayment {
        Unsigned.requireU32(sendAmount, "send_amount");
    }
}
