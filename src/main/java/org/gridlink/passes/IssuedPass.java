package org.gridlink.passes;

import java.util.UUID;

/** A newly issued pass: its id and the signed code ({@code GL1:...}) to put in a QR code. */
public record IssuedPass(UUID id, String code) {
}
