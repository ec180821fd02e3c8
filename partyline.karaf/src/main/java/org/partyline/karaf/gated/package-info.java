/**
 * The Karaf test's second participant bundle, installed while Karaf runs: a servlet whose invitation waits at a gate
 * the test opens through its opted-out sibling.
 */
package org.partyline.karaf.gated;
