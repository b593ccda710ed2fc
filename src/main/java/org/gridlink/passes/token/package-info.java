/**
 * The pass token and its verifier core, without Spring: Base45, the COSE_Sign1 token, the signature algorithms, the
 * signed trust and revocation lists, the offline verifier and the command-line {@code verify-pass}. Exposed as the
 * named interface {@code token} so that the application's {@code main} can run the command-line verifier before any
 * Spring context starts.
 */
@org.springframework.modulith.NamedInterface("token")
@org.jspecify.annotations.NullMarked
package org.gridlink.passes.token;
