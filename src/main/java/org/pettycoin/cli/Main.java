package org.pettycoin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pettycoin} command: the node and its offline tools as subcommands. */
@Command(
        name = "pettycoin",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A pettycoin node and its tools, wire-compatible with the original C pettycoin.",
        subcommands = {
            CommandLine.HelpCommand.class,
            GenesisCommand.class,
            KeyCommand.class,
            AddrCommand.class,
            TxCommand.class,
            BlockfileCommand.class,
            BenchCommand.class,
            NodeCommand.class,
            WalletCommand.class,
            DevnetCommand.class,
            QueryCommand.class,
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 1 failure, 2 usage error). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError ue) {
                cmd.getErr().println(cmd.getCommandName() + ": " + ex.getMessage());
                return ue.exitCode();
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
