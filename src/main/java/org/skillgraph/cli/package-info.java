/**
 * The command line: {@code skillgraph ingest}, {@code skillgraph query}, {@code skillgraph validate}, …. One
 * picocli command class per verb; {@link SkillgraphCommand#execute} maps the project's exceptions to a one-line message and an exit
 * code (1: some input rejected or a user error; 2: wrong usage), never a stack trace for a user's mistake.
 */
package org.skillgraph.cli;
