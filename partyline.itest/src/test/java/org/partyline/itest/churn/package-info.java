/**
 * Component classes for the bundles the churn test generates at run time: each generated bundle declares them in
 * its own component descriptions, so every handler and servlet is owned by a bundle of its own. Exported by the test
 * bundle (see the itest pom).
 */
package org.partyline.itest.churn;
