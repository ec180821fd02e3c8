/**
 * Not API: the hook that lets a WAR join. A WAR extender (the OSGi Web Applications specification; Pax Web on Karaf)
 * runs the {@code ServletContainerInitializer}s of the bundles a Web Application Bundle imports packages from, as its
 * context starts: every WAR that imports {@code org.partyline.api} runs {@link WarInitializer}, which puts the
 * partyline's gate in front of its servlets. This is the only way found to be there before a WAR serves its first
 * request (docs/DECISIONS.md, "WARs").
 */
package org.partyline.api.internal;
