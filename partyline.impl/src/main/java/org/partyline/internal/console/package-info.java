/**
 * The Web Console page: one model that renders the partyline's state and runs the ask form ({@link ConsolePage}),
 * and a thin plugin servlet per servlet API, each loaded only where its API is wired. Private to the impl bundle.
 */
package org.partyline.internal.console;
