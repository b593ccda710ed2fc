package org.gridlink.passes;

/** A pass for a person (holder name) or a vehicle (plate). In tokens: {@code P} or {@code V}. */
public enum PassType {
	PERSON("P"), VEHICLE("V");

	private final String letter;

	PassType(String letter) {
		this.letter = letter;
	}

	public String letter() {
		return letter;
	}

	public static PassType ofLetter(String letter) {
		for (PassType type : values()) {
			if (type.letter.equals(letter)) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unknown pass type " + letter);
	}
}
