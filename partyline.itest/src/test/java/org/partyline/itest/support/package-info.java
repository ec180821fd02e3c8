/**
 * Helpers of the integration tests: participants, the partyline's configuration, asking threads, HTTP, the shell
 * commands, log capture and the closing line.
 */
package org.partyline.itest.support;
