/**
 * The Karaf test's participant installed through a feature of the user's own, at Karaf's default start level: a
 * servlet that says whether it was invited, for the restart test.
 */
package org.partyline.karaf.featured;
