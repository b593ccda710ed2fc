package org.gridlink.platform;

/**
 * A sealed value names a key id that is not configured: the key was removed before the re-encryption job moved
 * every value off it, or the value comes from another installation. The message names the key id and the setting.
 */
@org.springframework.modulith.NamedInterface("api")
public class UnknownKeyException extends IllegalArgumentException {

	private final String keyId;

	UnknownKeyException(String keyId, String setting) {
		super("The value is sealed with key id '" + keyId + "', which is not configured: add it to " + setting
				+ "S (id:base64) until the re-encryption job has moved every value to the current key");
		this.keyId = keyId;
	}

	public String keyId() {
		return keyId;
	}
}
