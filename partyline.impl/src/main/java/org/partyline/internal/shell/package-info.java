/** Gogo shell commands to inspect the partyline: who was invited, who answers what, and a traced ask. */
package org.partyline.internal.shell;
