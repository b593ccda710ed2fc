package org.gridlink.cases;

import java.util.List;
import java.util.Optional;

/**
 * A source of public references a case can be answered with — published public answers (权威解读). Implemented by the
 * module that publishes them (the answers module depends on {@code cases :: api}, never the other way round); the
 * cases module only asks it for what a case page offers and whether a key is published now.
 */
@org.springframework.modulith.NamedInterface("api")
public interface PublicReferences {

	/** The references a case page offers (published now), newest first, at most {@code limit}. */
	List<PublicReference> offered(int limit);

	/** The published reference with this key, or empty (unknown, withdrawn, or not of this source). */
	Optional<PublicReference> find(String key);

	/** One public reference: a key unique within the source, its title and the public path that shows it. */
	@org.springframework.modulith.NamedInterface("api")
	record PublicReference(String key, String title, String path) {
	}
}
