/**
 * The handler index, the bundle-scoped Partyline service and its configuration. Private to the impl bundle.
 */
package org.partyline.internal;
