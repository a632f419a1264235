package org.pettycoin.cli;

import picocli.CommandLine;

/** {@code --version}: the jar's implementation version, or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"pettycoin " + (v == null ? "development" : v)};
    }
}
