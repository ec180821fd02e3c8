/** The launcher's start gate: no response before the launcher's system is ready. Private. */
package org.partyline.launcher.gate;
