/** Integration tests of the partyline inside a real Felix framework. */
package org.partyline.itest;
