package org.gridlink.enterprise;

import org.jspecify.annotations.Nullable;

/**
 * An enterprise as staff register or edit it (the API's body and the form): the unified social credit code, name,
 * legal representative (personal data: sealed, shown masked), GB/T 4754 section letter, size code, address, the grid
 * it lies in, the key-enterprise flag and a contact phone (sealed, masked). {@code key} null is false on register and
 * unchanged on edit.
 */
public record EnterpriseInput(@Nullable String creditCode, @Nullable String name,
		@Nullable String legalRepresentative, @Nullable String industry, @Nullable String size,
		@Nullable String address, @Nullable String gridCode, @Nullable Boolean key, @Nullable String contactPhone) {
}
