package org.gridlink.quarantine;

/** How a person is identified: a national ID card (matched with the residents registry) or a passport. */
public enum IdKind {
	ID, PASSPORT
}
