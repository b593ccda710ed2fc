package org.gridlink.passes;

import java.util.UUID;

import org.gridlink.passes.token.PassCodeText;

/**
 * A newly issued pass: its id, the signed code ({@code GL1:...}) to put in a QR code, and the same code as text to
 * read aloud or type ({@link PassCodeText}).
 */
public record IssuedPass(UUID id, String code, String codeText) {

	public IssuedPass(UUID id, String code) {
		this(id, code, PassCodeText.of(code));
	}
}
