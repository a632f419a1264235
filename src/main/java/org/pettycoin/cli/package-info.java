/**
 * The {@code pettycoin} command line: one picocli command with a subcommand per tool (genesis, key,
 * addr, tx, and later node, query, wallet, devnet, bench). Every subcommand has {@code --help};
 * results go to stdout (JSON where structured), errors to stderr as one line with exit code 1, and
 * usage errors exit with 2.
 */
package org.pettycoin.cli;
