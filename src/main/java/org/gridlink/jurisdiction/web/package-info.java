/**
 * Admin pages of the organization: units, staff and their assignments, property companies of compounds. The
 * controllers call only the {@link org.gridlink.jurisdiction.Organization} facade.
 */
@org.jspecify.annotations.NullMarked
package org.gridlink.jurisdiction.web;
