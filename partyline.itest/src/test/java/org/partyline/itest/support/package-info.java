/** Helpers of the integration tests: participants, waiting, log capture and the closing line. */
package org.partyline.itest.support;
